using System.Net.WebSockets;
using Elex.Sync.Transport;
using Elex.SyncRelay.Tests.Support;
using static Elex.SyncRelay.Tests.Support.Messages;

namespace Elex.SyncRelay.Tests.Relay;

public sealed class RelayLimitTests
{
    private const int Limit = 64 * 1024;

    [Fact]
    public async Task An_oversize_message_closes_only_its_sender_with_a_policy_violation()
    {
        await using var relay = await RelayServer.StartAsync(options: new RelayOptions { MaxMessageBytes = Limit });
        // The offender's own limit is higher, so the relay is the one that refuses.
        await using var offender = await relay.ConnectAsync(new WebSocketSyncTransportOptions { MaxMessageBytes = 4 * Limit });
        await using var b = await relay.ConnectAsync();
        await using var c = await relay.ConnectAsync();
        var fromC = new Receiver(c);

        var sent = await Record.ExceptionAsync(() => offender.SendAsync(new byte[Limit + 1]));
        var closure = await offender.Completion.Guarded();

        Assert.True(sent is null or SyncTransportClosedException);
        Assert.Equal(SyncCloseReason.ClosedByPeer, closure.Reason);
        Assert.Equal((int)WebSocketCloseStatus.PolicyViolation, closure.StatusCode);
        Assert.Equal($"message exceeds {Limit} bytes", closure.Description);
        Assert.Equal(SyncTransportState.Closed, offender.State);
        // The others go on, and the oversize message was never relayed.
        await b.SendAsync(new byte[Limit]);
        Assert.Equal(Limit, (await fromC.NextAsync()).Length);
        Assert.Equal(2, relay.Statistics.ConnectedClients);
    }

    [Fact]
    public async Task A_message_of_exactly_the_limit_is_relayed()
    {
        await using var relay = await RelayServer.StartAsync(options: new RelayOptions { MaxMessageBytes = Limit });
        await using var a = await relay.ConnectAsync();
        await using var b = await relay.ConnectAsync();
        var fromB = new Receiver(b);

        await a.SendAsync(Numbered(7, Limit));

        Assert.Equal(Numbered(7, Limit), await fromB.NextAsync());
    }

    [Fact]
    public async Task A_text_frame_closes_only_its_sender_with_a_policy_violation()
    {
        await using var relay = await RelayServer.StartAsync();
        await using var b = await relay.ConnectAsync();
        await using var c = await relay.ConnectAsync();
        var fromC = new Receiver(c);
        using var offender = new ClientWebSocket();
        await offender.ConnectAsync(relay.SyncEndpoint, CancellationToken.None).Guarded();

        await offender.SendAsync(Text("{\"not\":\"binary\"}"), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var received = await offender.ReceiveAsync(new byte[1024], CancellationToken.None).Guarded();

        Assert.Equal(WebSocketMessageType.Close, received.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, offender.CloseStatus);
        Assert.Contains("text frames are not accepted", offender.CloseStatusDescription);
        await offender.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).Guarded();
        await b.SendAsync(Text("still relaying"));
        Assert.Equal("still relaying", await fromC.NextTextAsync());
        Assert.Equal(2, relay.Statistics.ConnectedClients);
        Assert.Equal(1, relay.Statistics.Forwarded);
    }

    [Fact]
    public async Task Limits_out_of_range_fail_at_start()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => RelayServer.StartAsync(options: new RelayOptions { MaxMessageBytes = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => RelayServer.StartAsync(options: new RelayOptions { ClientQueueCapacity = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => RelayServer.StartAsync(options: new RelayOptions { BacklogCapacity = -1 }));
    }
}
