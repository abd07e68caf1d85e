using Elex.Sync.Transport;

namespace Elex.SyncRelay.Tests.Support;

/// <summary>Connects real WebSocket transports to an in-process relay.</summary>
internal static class Relays
{
    public static async Task<WebSocketSyncTransport> ConnectAsync(this RelayServer relay, WebSocketSyncTransportOptions? options = null)
    {
        var transport = new WebSocketSyncTransport(relay.SyncEndpoint, options);
        await transport.ConnectAsync().Guarded();
        return transport;
    }
}
