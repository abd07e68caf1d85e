using Elex.Core.Conversations;
using Elex.Core.Routing;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Operators;

/// <summary>The follow-up stage, between Route and Dispatch.</summary>
internal static class ResolveFollowUpsOperator
{
    /// <summary>
    /// For each routed item whose query belongs to a conversation (<see cref="Core.Queries.Query.Conversation"/>),
    /// decides whether the question stands on its own or is a follow-up about the conversation's features,
    /// and re-routes a follow-up to them (<see cref="FollowUpResolver"/>). Items outside a conversation,
    /// failed items and unrouted items pass unchanged; a resolver failure fails the item only.
    /// </summary>
    /// <param name="source">Routed items.</param>
    /// <param name="router">The router that routed them.</param>
    /// <param name="confidentAt">The confidence from which a route is answered (the abstention threshold).</param>
    public static IObservable<PipelineItem> ResolveFollowUps(this IObservable<PipelineItem> source, FeatureRouter router, float confidentAt)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentOutOfRangeException.ThrowIfNegative(confidentAt);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(confidentAt, 1f);
        return source.Stage("follow-up", item =>
            item.Route is { } route && item.Query.Conversation is { IsEmpty: false } context
                ? item with { Route = FollowUpResolver.Resolve(router, route, item.Query.Text, context, confidentAt) }
                : item);
    }
}
