using Elex.Core.Routing;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Operators;

/// <summary>
/// The steps both micro-batching Route stages share (the console's synchronous model and the
/// browser's asynchronous one): exact evidence settles what it can, the rest waits for the model's
/// vectors, and without them keeps its exact and lexical route with the reason.
/// </summary>
internal static class BatchRouting
{
    /// <summary>Routes each item on exact and lexical evidence; returns those that route does not settle, with it.</summary>
    public static List<(PipelineItem Item, RouteResult Exact)> SettleExact(FeatureRouter router, IEnumerable<PipelineItem> items, int topK)
    {
        var unsettled = new List<(PipelineItem Item, RouteResult Exact)>();
        foreach (var item in items)
        {
            if (item.HasFailed) continue;
            try
            {
                var exact = router.Route(item.Query.Text, ReadOnlySpan<float>.Empty, topK);
                if (router.IsSettled(exact)) item.Route = exact;
                else unsettled.Add((item, exact));
            }
            catch (Exception e)
            {
                item.Fail("route", e);
            }
        }
        return unsettled;
    }

    /// <summary>Routes the unsettled items with their question vectors (row i of <paramref name="vectors"/> for item i).</summary>
    public static void RouteWithVectors(FeatureRouter router, List<(PipelineItem Item, RouteResult Exact)> unsettled, ReadOnlySpan<float> vectors, int dims, int topK)
    {
        for (var i = 0; i < unsettled.Count; i++)
        {
            try
            {
                unsettled[i].Item.Route = router.Route(unsettled[i].Item.Query.Text, vectors.Slice(i * dims, dims), topK);
            }
            catch (Exception e)
            {
                unsettled[i].Item.Fail("route", e);
            }
        }
    }

    /// <summary>The model failed: each unsettled item keeps its exact and lexical route and says why.</summary>
    public static void KeepExact(List<(PipelineItem Item, RouteResult Exact)> unsettled, string reason)
    {
        foreach (var (item, exact) in unsettled) item.Route = exact with { ModelFailure = reason };
    }
}
