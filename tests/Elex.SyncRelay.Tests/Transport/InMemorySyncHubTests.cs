using Elex.Sync.Transport;
using Elex.SyncRelay.Tests.Support;
using static Elex.SyncRelay.Tests.Support.Messages;

namespace Elex.SyncRelay.Tests.Transport;

public sealed class InMemorySyncHubTests
{
    private static async Task<InMemorySyncTransport> ConnectAsync(InMemorySyncHub hub)
    {
        var transport = hub.CreateTransport();
        await transport.ConnectAsync();
        return transport;
    }

    [Fact]
    public async Task Two_transports_forward_to_each_other_and_never_to_themselves()
    {
        var hub = new InMemorySyncHub();
        await using var a = await ConnectAsync(hub);
        await using var b = await ConnectAsync(hub);
        var fromA = new Receiver(a);
        var fromB = new Receiver(b);

        await a.SendAsync(Text("from a"));
        await b.SendAsync(Text("from b"));

        Assert.Equal("from a", await fromB.NextTextAsync());
        Assert.Equal("from b", await fromA.NextTextAsync());
        Assert.Equal(2, hub.ConnectedCount);
        Assert.Equal(2, hub.Forwarded);
    }

    [Fact]
    public async Task Each_receiver_gets_its_own_copy()
    {
        var hub = new InMemorySyncHub();
        await using var a = await ConnectAsync(hub);
        await using var b = await ConnectAsync(hub);
        await using var c = await ConnectAsync(hub);
        var sent = Text("delta");

        await a.SendAsync(sent);
        sent[0] = (byte)'X';
        var atB = await new Receiver(b).NextAsync();
        atB[1] = (byte)'X';

        Assert.Equal("delta", await new Receiver(c).NextTextAsync());
    }

    [Fact]
    public async Task A_late_joiner_receives_the_backlog_first()
    {
        var hub = new InMemorySyncHub(backlogCapacity: 2);
        await using var a = await ConnectAsync(hub);
        for (var i = 1; i <= 3; i++) await a.SendAsync(Text($"m{i}"));

        await using var late = await ConnectAsync(hub);
        await a.SendAsync(Text("m4"));

        Assert.Equal(["m2", "m3", "m4"], await new Receiver(late).NextTextsAsync(3));
    }

    [Fact]
    public async Task A_full_receiver_drops_its_oldest_messages()
    {
        var hub = new InMemorySyncHub(backlogCapacity: 0, queueCapacity: 2);
        await using var a = await ConnectAsync(hub);
        await using var b = await ConnectAsync(hub);

        for (var i = 1; i <= 5; i++) await a.SendAsync(Text($"m{i}"));

        Assert.Equal(["m4", "m5"], await new Receiver(b).NextTextsAsync(2));
    }

    [Fact]
    public async Task Disposing_closes_locally_and_leaves_the_hub()
    {
        var hub = new InMemorySyncHub();
        var a = await ConnectAsync(hub);
        await using var b = await ConnectAsync(hub);
        var fromA = new Receiver(a);

        await a.DisposeAsync();

        Assert.Equal(SyncTransportState.Closed, a.State);
        Assert.Equal(SyncCloseReason.ClosedLocally, (await a.Completion.Guarded()).Reason);
        Assert.True(await fromA.EndedAsync());
        await Assert.ThrowsAsync<SyncTransportClosedException>(() => a.SendAsync(Text("late")));
        Assert.Equal(1, hub.ConnectedCount);
    }

    [Fact]
    public async Task Disconnecting_all_closes_every_transport_as_going_away()
    {
        var hub = new InMemorySyncHub();
        await using var a = await ConnectAsync(hub);
        await using var b = await ConnectAsync(hub);
        var fromA = new Receiver(a);

        hub.DisconnectAll("maintenance");

        var closure = await a.Completion.Guarded();
        Assert.Equal(new SyncTransportClosure(SyncCloseReason.ClosedByPeer, InMemorySyncHub.GoingAwayStatus, "maintenance"), closure);
        Assert.Equal(SyncTransportState.Closed, b.State);
        var ended = await Assert.ThrowsAsync<SyncTransportClosedException>(fromA.EndedAsync);
        Assert.Equal(closure, ended.Closure);
        await Assert.ThrowsAsync<SyncTransportClosedException>(() => b.SendAsync(Text("after")));
        Assert.Equal(0, hub.ConnectedCount);
    }

    [Fact]
    public async Task A_transport_connects_once_and_sends_only_when_connected()
    {
        var hub = new InMemorySyncHub();
        await using var a = hub.CreateTransport();

        Assert.Equal(SyncTransportState.Created, a.State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => a.SendAsync(Text("early")));
        await a.ConnectAsync();
        Assert.Equal(SyncTransportState.Connected, a.State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => a.ConnectAsync());
    }
}
