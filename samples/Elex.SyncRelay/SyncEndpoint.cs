namespace Elex.SyncRelay;

/// <summary><c>/sync</c>: upgrades to a WebSocket and relays the client's messages until it leaves.</summary>
internal static class SyncEndpoint
{
    public static async Task HandleAsync(HttpContext context, RelayHub hub, ILogger logger, CancellationToken stopping)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("WebSocket connections only.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var client = hub.NextClientId();
        var connection = new RelayConnection(hub, logger, client);
        // Joining before the handshake answers means: once a client's connect returns, it gets every later message.
        hub.Join(connection);
        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            RelayLog.Connected(logger, client, context.Connection.RemoteIpAddress?.ToString());
            await connection.RunAsync(socket, stopping).ConfigureAwait(false);
        }
        finally
        {
            hub.Leave(connection);
            RelayLog.Left(logger, client);
        }
    }
}
