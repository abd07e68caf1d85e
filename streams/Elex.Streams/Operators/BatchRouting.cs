using System.Reactive.Concurrency;
using Elex.Core.Routing;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Operators;

/// <summary>
/// The steps both micro-batching Route stages share (the console's synchronous model and the
/// browser's asynchronous one): exact evidence settles what it can, the rest waits for the model's
/// vectors, and without them keeps its exact and lexical route with the reason. Each step replaces
/// items in the batch's array; every item goes through the "route" stage's rule
/// (<see cref="PipelineStage.Through"/>).
/// </summary>
internal static class BatchRouting
{
    /// <summary>
    /// The argument checks both stages make before building anything; the parameters carry the stages'
    /// own names, so the exceptions name the argument the caller passed.
    /// </summary>
    public static void CheckArguments(IObservable<PipelineItem> source, FeatureRouter router, TimeSpan window, int maxBatch, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
    }

    /// <summary>
    /// Routes each item on exact and lexical evidence (an item that already carries that route, from
    /// <see cref="SettleAlone"/>, keeps it); returns the indexes of the items that route does not
    /// settle (which meanwhile carry it as their route).
    /// </summary>
    public static List<int> SettleExact(FeatureRouter router, PipelineItem[] items, int topK)
    {
        var unsettled = new List<int>();
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Settle(router, items[i], topK, out var settled);
            if (!settled) unsettled.Add(i);
        }
        return unsettled;
    }

    /// <summary>
    /// One item on exact and lexical evidence, before it joins a batch: <paramref name="settled"/> when
    /// that route stands without the model (or the item failed, which the model cannot change).
    /// </summary>
    public static PipelineItem SettleAlone(FeatureRouter router, PipelineItem item, out bool settled) =>
        Settle(router, item, router.Options.TopK, out settled);

    private static PipelineItem Settle(FeatureRouter router, PipelineItem item, int topK, out bool settled)
    {
        var isSettled = true;
        var routed = item.Through("route", i =>
        {
            // Items reach the Route stage unrouted: a route here is the exact one SettleAlone gave.
            var exact = i.Route ?? router.Route(i.Query.Text, ReadOnlySpan<float>.Empty, topK);
            isSettled = router.IsSettled(exact);
            return i.Route is null ? i with { Route = exact } : i;
        });
        settled = isSettled;
        return routed;
    }

    /// <summary>Routes the unsettled items with their question vectors (row n of <paramref name="vectors"/> for the n-th unsettled item).</summary>
    public static void RouteWithVectors(FeatureRouter router, PipelineItem[] items, List<int> unsettled, float[] vectors, int dims, int topK)
    {
        for (var n = 0; n < unsettled.Count; n++)
        {
            var row = n * dims;
            var at = unsettled[n];
            items[at] = items[at].Through("route", item => item with { Route = router.Route(item.Query.Text, vectors.AsSpan(row, dims), topK) });
        }
    }

    /// <summary>The model failed: each unsettled item keeps its exact and lexical route and says why.</summary>
    public static void KeepExact(PipelineItem[] items, List<int> unsettled, string reason)
    {
        foreach (var at in unsettled) items[at] = items[at] with { Route = items[at].Route! with { ModelFailure = reason } };
    }
}
