using System.Reactive.Linq;
using Elex.Core.Conversations;
using Elex.Core.Routing;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Operators;

/// <summary>The follow-up stage, between Route and Dispatch.</summary>
public static class ResolveFollowUpsOperator
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
        return source.Select(item =>
        {
            if (item.HasFailed || item.Route is not { } route || item.Query.Conversation is not { IsEmpty: false } context) return item;
            try
            {
                item.Route = FollowUpResolver.Resolve(router, route, item.Query.Text, context, confidentAt);
                return item;
            }
            catch (Exception e)
            {
                return item.Fail("follow-up", e);
            }
        });
    }
}
