using System.Net.WebSockets;
using Elex.SyncRelay.Tests.Support;
using static Elex.SyncRelay.Tests.Support.Messages;

namespace Elex.SyncRelay.Tests.Relay;

public sealed class RelayForwardingTests
{
    [Fact]
    public async Task A_message_reaches_every_other_client_but_not_its_sender()
    {
        await using var relay = await RelayServer.StartAsync();
        await using var a = await relay.ConnectAsync();
        await using var b = await relay.ConnectAsync();
        await using var c = await relay.ConnectAsync();
        var fromA = new Receiver(a);
        var fromB = new Receiver(b);
        var fromC = new Receiver(c);

        await a.SendAsync(Text("delta from a"));
        Assert.Equal("delta from a", await fromB.NextTextAsync());
        Assert.Equal("delta from a", await fromC.NextTextAsync());

        // Relayed in arrival order: had A's message come back to A, it would be ahead of B's reply.
        await b.SendAsync(Text("delta from b"));
        Assert.Equal("delta from b", await fromA.NextTextAsync());
        Assert.Equal("delta from b", await fromC.NextTextAsync());
        Assert.Equal(2, relay.Statistics.Forwarded);
    }

    [Fact]
    public async Task Messages_from_one_sender_arrive_in_order()
    {
        await using var relay = await RelayServer.StartAsync();
        await using var a = await relay.ConnectAsync();
        await using var b = await relay.ConnectAsync();
        var fromB = new Receiver(b);

        for (var i = 0; i < 200; i++) await a.SendAsync(Numbered(i, 100));

        for (var i = 0; i < 200; i++) Assert.Equal(i, Number(await fromB.NextAsync()));
    }

    [Fact]
    public async Task A_fragmented_message_is_forwarded_whole()
    {
        await using var relay = await RelayServer.StartAsync();
        await using var b = await relay.ConnectAsync();
        var fromB = new Receiver(b);
        using var raw = new ClientWebSocket();
        await raw.ConnectAsync(relay.SyncEndpoint, CancellationToken.None).Guarded();
        var whole = Enumerable.Range(0, 50_000).Select(i => (byte)i).ToArray();

        await raw.SendAsync(whole.AsMemory(0, 10), WebSocketMessageType.Binary, endOfMessage: false, CancellationToken.None);
        await raw.SendAsync(whole.AsMemory(10, 30_000), WebSocketMessageType.Binary, endOfMessage: false, CancellationToken.None);
        await raw.SendAsync(whole.AsMemory(30_010), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

        Assert.Equal(whole, await fromB.NextAsync());
        await raw.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).Guarded();
    }
}
