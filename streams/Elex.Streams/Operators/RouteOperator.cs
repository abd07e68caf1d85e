using Elex.Core.Routing;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Operators;

/// <summary>The Route stage.</summary>
internal static class RouteOperator
{
    /// <summary>Routes each item's question to its best feature and alternatives; a router failure fails the item only.</summary>
    public static IObservable<PipelineItem> Route(this IObservable<PipelineItem> source, FeatureRouter router)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(router);
        return source.Stage("route", item => item with { Route = router.Route(item.Query.Text) });
    }
}
