using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Elex.Core.Routing;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Operators;

/// <summary>The Route stage with micro-batched sentence-model runs.</summary>
internal static class RouteInBatchesOperator
{
    /// <summary>
    /// Routes items like <see cref="RouteOperator.Route"/>, but collects them for up to
    /// <paramref name="window"/> or <paramref name="maxBatch"/> items and runs the sentence model once
    /// for all of a batch's questions that exact evidence does not settle: under load one model run
    /// serves many questions. Order is kept; when the model fails, that batch's questions are routed on
    /// exact and lexical evidence and carry the failure (as <see cref="RouteResult.ModelFailure"/>).
    /// A router without a model routes item by item, with no wait. A question that exact evidence
    /// settles (it names the feature's code or key, or identifies it) when no earlier item is waiting
    /// for the model leaves at once instead of waiting for the window: nothing is ahead of it, so the
    /// order holds, and an interactive question that names its feature is not delayed by batching.
    /// Likewise, when <paramref name="nothingQueued"/> says no question is queued behind one that needs
    /// the model and none is waiting ahead of it, the model runs for it at once: a batch window spent
    /// waiting for questions nobody has asked only delays a lone engineer's answer. Under load the queue
    /// is not empty, so questions still share model runs.
    /// </summary>
    public static IObservable<PipelineItem> RouteInBatches(this IObservable<PipelineItem> source, FeatureRouter router, TimeSpan window, int maxBatch, IScheduler scheduler, Func<bool>? nothingQueued = null)
    {
        BatchRouting.CheckArguments(source, router, window, maxBatch, scheduler);
        if (router.Semantic is null) return source.Route(router);
        return Observable.Create<PipelineItem>(observer =>
        {
            // One gate for both ways out (at once, or with a batch from the window's timer), so they never interleave.
            var gate = new object();
            var waiting = 0;
            var toBatch = new Subject<PipelineItem>();
            var batches = toBatch
                .Buffer(window, maxBatch, scheduler)
                .Where(static batch => batch.Count > 0)
                .Subscribe(
                    batch =>
                    {
                        var routed = RouteBatch(router, batch);
                        lock (gate)
                        {
                            waiting -= batch.Count;
                            foreach (var item in routed) observer.OnNext(item);
                        }
                    },
                    error => { lock (gate) observer.OnError(error); },
                    () => { lock (gate) observer.OnCompleted(); });
            var upstream = source.Subscribe(
                item =>
                {
                    lock (gate)
                    {
                        if (waiting == 0)
                        {
                            item = BatchRouting.SettleAlone(router, item, out var settled);
                            if (settled)
                            {
                                observer.OnNext(item);
                                return;
                            }
                            if (nothingQueued?.Invoke() == true)
                            {
                                observer.OnNext(RouteBatch(router, [item])[0]);
                                return;
                            }
                        }
                        // Counted before it joins the batch: no later item passes it while it waits.
                        waiting++;
                    }
                    // Outside the gate: Buffer hands a batch over holding its own lock, which then takes this gate.
                    toBatch.OnNext(item);
                },
                toBatch.OnError,
                toBatch.OnCompleted);
            return new CompositeDisposable(upstream, batches, toBatch);
        });
    }

    private static PipelineItem[] RouteBatch(FeatureRouter router, IList<PipelineItem> batch)
    {
        var topK = router.Options.TopK;
        var items = batch.ToArray();
        var unsettled = BatchRouting.SettleExact(router, items, topK);
        if (unsettled.Count == 0) return items;

        var model = router.Semantic!;
        var dims = model.Dimensions;
        try
        {
            var vectors = new float[unsettled.Count * dims];
            model.EncodeQueries(unsettled.Select(at => items[at].Query.Text).ToList(), vectors);
            BatchRouting.RouteWithVectors(router, items, unsettled, vectors, dims, topK);
        }
        catch (Exception e)
        {
            BatchRouting.KeepExact(items, unsettled, e.Message);
        }
        return items;
    }
}
