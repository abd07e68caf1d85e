using Elex.Hosting;
using Elex.Server.Feedback;
using Elex.Server.Http;
using Elex.Server.Streaming;

namespace Elex.Server.Endpoints;

/// <summary><c>GET /stats</c> (role operator): the swarm's stats, the live streams' subscribers and drops, requests turned away, ratings per user.</summary>
internal static class StatsEndpoint
{
    public static IResult Handle(IElexSwarmAccessor elex, SwarmFeeds feeds, ServerCounters counters, FeedbackLedger ledger) =>
        TypedResults.Json(new
        {
            swarm = elex.Swarm.GetSwarmStats(),
            streams = new[] { Describe(feeds.Responses), Describe(feeds.Telemetry) },
            rateLimited = counters.RateLimited,
            feedbackByUser = ledger.ByUser,
            recentFeedback = ledger.Recent,
        }, Json.Options);

    private static object Describe(LiveFeed feed) => new
    {
        name = feed.Name,
        subscribers = feed.Subscribers,
        published = feed.Published,
        delivered = feed.Delivered,
        dropped = feed.Dropped,
    };
}
