using System.Net.WebSockets;
using Elex.Sync.Transport;
using Elex.SyncRelay.Tests.Support;
using static Elex.SyncRelay.Tests.Support.Messages;

namespace Elex.SyncRelay.Tests.Relay;

public sealed class RelayShutdownTests
{
    [Fact]
    public async Task Disposing_a_transport_closes_normally_and_the_relay_counts_it_gone()
    {
        await using var relay = await RelayServer.StartAsync();
        var a = await relay.ConnectAsync();
        await using var b = await relay.ConnectAsync();
        await using var c = await relay.ConnectAsync();
        var fromA = new Receiver(a);
        var fromC = new Receiver(c);

        await a.DisposeAsync().Guarded();
        var closure = await a.Completion.Guarded();

        Assert.Equal(SyncCloseReason.ClosedLocally, closure.Reason);
        Assert.Equal((int)WebSocketCloseStatus.NormalClosure, closure.StatusCode);
        Assert.True(closure.IsNormal);
        Assert.Equal(SyncTransportState.Closed, a.State);
        Assert.True(await fromA.EndedAsync());
        var refused = await Assert.ThrowsAsync<SyncTransportClosedException>(() => a.SendAsync(Text("too late")));
        Assert.Equal(closure, refused.Closure);
        Assert.Equal(2, relay.Statistics.ConnectedClients);
        await b.SendAsync(Text("still relaying"));
        Assert.Equal("still relaying", await fromC.NextTextAsync());
    }

    [Fact]
    public async Task Disposing_the_relay_tells_every_client_it_is_going_away()
    {
        var relay = await RelayServer.StartAsync();
        await using var a = await relay.ConnectAsync();
        await using var b = await relay.ConnectAsync();
        var fromA = new Receiver(a);

        await relay.DisposeAsync().Guarded();

        foreach (var transport in new[] { a, b })
        {
            var closure = await transport.Completion.Guarded();
            Assert.Equal(SyncCloseReason.ClosedByPeer, closure.Reason);
            Assert.Equal((int)WebSocketCloseStatus.EndpointUnavailable, closure.StatusCode);
            Assert.Equal("relay shutting down", closure.Description);
            Assert.False(closure.IsNormal);
            Assert.Equal(SyncTransportState.Closed, transport.State);
        }
        var ended = await Assert.ThrowsAsync<SyncTransportClosedException>(fromA.EndedAsync);
        Assert.Equal(SyncCloseReason.ClosedByPeer, ended.Closure.Reason);
    }

    [Fact]
    public async Task Disposing_the_relay_cuts_off_a_client_that_does_not_answer_the_close()
    {
        var relay = await RelayServer.StartAsync(options: new RelayOptions { CloseTimeout = TimeSpan.FromMilliseconds(200) });
        await using var answering = await relay.ConnectAsync();
        // Never reads, so it never sees the close, let alone answers it.
        using var silent = new ClientWebSocket();
        await silent.ConnectAsync(relay.SyncEndpoint, CancellationToken.None).Guarded();

        await relay.DisposeAsync().Guarded();

        Assert.Equal(SyncCloseReason.ClosedByPeer, (await answering.Completion.Guarded()).Reason);
        Assert.Equal(0, relay.Statistics.ConnectedClients);
    }
}
