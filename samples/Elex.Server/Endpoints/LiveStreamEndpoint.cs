using Elex.Server.Streaming;
using Microsoft.Extensions.Options;

namespace Elex.Server.Endpoints;

/// <summary>
/// <c>GET /stream/responses</c> and <c>GET /stream/telemetry</c> (role operator): a live feed as Server-Sent Events.
/// The subscription exists before the response's headers are sent, so a client that has the headers misses nothing
/// published after. A client that reads too slowly fills its queue, is dropped (counted) and gets an <c>event: dropped</c>
/// after what was queued; the swarm never waits for it.
/// </summary>
internal static class LiveStreamEndpoint
{
    public static Task Responses(HttpContext context, SwarmFeeds feeds, IOptions<ServerOptions> options) =>
        Stream(context, feeds.Responses, options.Value.StreamQueueCapacity);

    public static Task Telemetry(HttpContext context, SwarmFeeds feeds, IOptions<ServerOptions> options) =>
        Stream(context, feeds.Telemetry, options.Value.StreamQueueCapacity);

    private static async Task Stream(HttpContext context, LiveFeed feed, int capacity)
    {
        var cancellation = context.RequestAborted;
        using var subscription = feed.Subscribe(capacity);
        try
        {
            await ServerSentEvents.StartAsync(context.Response, cancellation).ConfigureAwait(false);
            var reader = subscription.Reader;
            while (await reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
            {
                while (reader.TryRead(out var data)) ServerSentEvents.Write(context.Response, feed.Name, data);
                await context.Response.BodyWriter.FlushAsync(cancellation).ConfigureAwait(false);
            }
            if (subscription.WasDropped)
            {
                ServerSentEvents.Write(context.Response, "dropped",
                    $"{{\"reason\":\"this client read too slowly: its queue of {capacity} events was full\"}}");
                await context.Response.BodyWriter.FlushAsync(cancellation).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client left.
        }
    }
}
