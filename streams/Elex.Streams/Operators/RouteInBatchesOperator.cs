using System.Reactive.Concurrency;
using System.Reactive.Linq;
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
    /// A router without a model routes item by item, with no wait.
    /// </summary>
    public static IObservable<PipelineItem> RouteInBatches(this IObservable<PipelineItem> source, FeatureRouter router, TimeSpan window, int maxBatch, IScheduler scheduler)
    {
        BatchRouting.CheckArguments(source, router, window, maxBatch, scheduler);
        if (router.Semantic is null) return source.Route(router);
        return source
            .Buffer(window, maxBatch, scheduler)
            .Where(static batch => batch.Count > 0)
            .SelectMany(batch => RouteBatch(router, batch));
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
