using Elex.SyncRelay.Tests.Support;
using static Elex.SyncRelay.Tests.Support.Messages;

namespace Elex.SyncRelay.Tests.Relay;

public sealed class RelayBacklogTests
{
    [Fact]
    public async Task A_late_joiner_receives_the_backlog_in_order_then_live_messages()
    {
        await using var relay = await RelayServer.StartAsync();
        await using var a = await relay.ConnectAsync();
        await using var b = await relay.ConnectAsync();
        var fromB = new Receiver(b);
        for (var i = 1; i <= 5; i++) await a.SendAsync(Text($"m{i}"));
        // B has them all, so the relay has kept them all.
        await fromB.NextTextsAsync(5);

        await using var late = await relay.ConnectAsync();
        var fromLate = new Receiver(late);
        await a.SendAsync(Text("m6"));

        Assert.Equal(["m1", "m2", "m3", "m4", "m5", "m6"], await fromLate.NextTextsAsync(6));
    }

    [Fact]
    public async Task The_backlog_keeps_only_the_most_recent_messages()
    {
        await using var relay = await RelayServer.StartAsync(options: new RelayOptions { BacklogCapacity = 3 });
        await using var a = await relay.ConnectAsync();
        await using var b = await relay.ConnectAsync();
        var fromB = new Receiver(b);
        for (var i = 1; i <= 5; i++) await a.SendAsync(Text($"m{i}"));
        await fromB.NextTextsAsync(5);

        await using var late = await relay.ConnectAsync();
        var fromLate = new Receiver(late);
        await a.SendAsync(Text("m6"));

        Assert.Equal(["m3", "m4", "m5", "m6"], await fromLate.NextTextsAsync(4));
        Assert.Equal(3, relay.Statistics.Backlog);
    }

    [Fact]
    public async Task A_backlog_of_zero_replays_nothing()
    {
        await using var relay = await RelayServer.StartAsync(options: new RelayOptions { BacklogCapacity = 0 });
        await using var a = await relay.ConnectAsync();
        await using var b = await relay.ConnectAsync();
        var fromB = new Receiver(b);
        await a.SendAsync(Text("before"));
        await fromB.NextAsync();

        await using var late = await relay.ConnectAsync();
        var fromLate = new Receiver(late);
        await a.SendAsync(Text("after"));

        Assert.Equal("after", await fromLate.NextTextAsync());
    }
}
