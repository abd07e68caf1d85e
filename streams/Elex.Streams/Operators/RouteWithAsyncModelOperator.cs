using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Core.Routing;
using Elex.Core.Semantics;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Operators;

/// <summary>The Route stage for a model that arrives later and answers asynchronously (the browser's).</summary>
internal static class RouteWithAsyncModelOperator
{
    /// <summary>
    /// Routes each item on exact and lexical evidence, at once, while the router has no model. Once
    /// one is attached (<see cref="FeatureRouter.AttachSemantic"/>) items are collected for up to
    /// <paramref name="window"/> or <paramref name="maxBatch"/> items, exact evidence settles what it
    /// can, and the rest of a batch is encoded in one asynchronous model run
    /// (<see cref="SemanticIndex.EncodeQueriesAsync"/>); batches are routed one after the other, so
    /// order is kept. When a run fails, that batch is routed on exact and lexical evidence and
    /// carries the failure (<see cref="RouteResult.ModelFailure"/>); the stream goes on.
    /// </summary>
    public static IObservable<PipelineItem> RouteWithAsyncModel(this IObservable<PipelineItem> source, FeatureRouter router, TimeSpan window, int maxBatch, IScheduler scheduler)
    {
        BatchRouting.CheckArguments(source, router, window, maxBatch, scheduler);
        var topK = router.Options.TopK;
        // Whether the model routes an item is decided once, as it arrives. A model is never detached,
        // so every item after the first one with a model has one too: the immediate branch's items all
        // come before the batched branch's, and merging them keeps arrival order.
        return source
            .Select(item => (Item: item, Model: router.Semantic))
            .Publish(items => Observable.Merge(
                items.Where(static x => x.Model is null).Select(static x => x.Item)
                    .Stage("route", item => item with { Route = router.Route(item.Query.Text, ReadOnlySpan<float>.Empty, topK) }),
                items.Where(static x => x.Model is not null)
                    .Buffer(window, maxBatch, scheduler)
                    .Where(static batch => batch.Count > 0)
                    .Select(batch => WhenDone(cancel => RouteBatchAsync(router, batch, topK, cancel)))
                    .Concat()
                    .SelectMany(static batch => batch)));
    }

    // A batch's routing as an observable that starts on subscription and emits on the thread that
    // finishes the model run (the page's one thread; in tests the virtual-time scheduler's), with no
    // hop through a task scheduler. Unsubscribing cancels the run. RouteBatchAsync never faults.
    private static IObservable<T> WhenDone<T>(Func<CancellationToken, Task<T>> start) => Observable.Create<T>(observer =>
    {
        var cancel = new CancellationTokenSource();
        start(cancel.Token).ContinueWith(task =>
        {
            if (task.IsCanceled) return;
            if (task.Exception is { } error) observer.OnError(error.GetBaseException());
            else
            {
                observer.OnNext(task.Result);
                observer.OnCompleted();
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return () =>
        {
            cancel.Cancel();
            cancel.Dispose();
        };
    });

    // Continuations run on the thread that finishes the model run (ExecuteSynchronously), so a batch
    // is routed as soon as its vectors exist, with no hop through the thread pool.
    private static Task<PipelineItem[]> RouteBatchAsync(FeatureRouter router, IList<(PipelineItem Item, SemanticIndex? Model)> batch, int topK, CancellationToken cancellationToken)
    {
        var items = batch.Select(static x => x.Item).ToArray();
        var unsettled = BatchRouting.SettleExact(router, items, topK);
        if (unsettled.Count == 0) return Task.FromResult(items);

        var model = batch[0].Model!;
        var dims = model.Dimensions;
        var vectors = new float[unsettled.Count * dims];
        Task run;
        try
        {
            run = model.EncodeQueriesAsync(unsettled.Select(at => items[at].Query.Text).ToList(), vectors, cancellationToken);
        }
        catch (Exception e)
        {
            run = Task.FromException(e);
        }
        return run.ContinueWith(done =>
        {
            // Without the model this batch still gets its exact and lexical routes, and says why.
            if (done.Exception is { } error) BatchRouting.KeepExact(items, unsettled, error.GetBaseException().Message);
            else if (done.IsCanceled) BatchRouting.KeepExact(items, unsettled, "the model run was cancelled");
            else BatchRouting.RouteWithVectors(router, items, unsettled, vectors, dims, topK);
            return items;
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
