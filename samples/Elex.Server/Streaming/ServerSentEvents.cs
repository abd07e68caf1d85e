using System.Buffers;
using System.Text;

namespace Elex.Server.Streaming;

/// <summary>Writes <c>text/event-stream</c>: headers first (sent at once), then <c>event:</c>/<c>data:</c> blocks.</summary>
internal static class ServerSentEvents
{
    public static async Task StartAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        // Reverse proxies (nginx) buffer responses unless told not to; an event stream must not wait in a buffer.
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync(cancellationToken).ConfigureAwait(false);
        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues one event; <paramref name="data"/> is one line of JSON. Call FlushAsync to send.</summary>
    public static void Write(HttpResponse response, string eventName, string data)
    {
        var writer = response.BodyWriter;
        writer.Write("event: "u8);
        Encoding.UTF8.GetBytes(eventName, writer);
        writer.Write("\ndata: "u8);
        Encoding.UTF8.GetBytes(data, writer);
        writer.Write("\n\n"u8);
    }
}
