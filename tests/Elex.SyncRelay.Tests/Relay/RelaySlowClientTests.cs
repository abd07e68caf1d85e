using Elex.Sync.Transport;
using Elex.SyncRelay.Tests.Support;
using static Elex.SyncRelay.Tests.Support.Messages;

namespace Elex.SyncRelay.Tests.Relay;

public sealed class RelaySlowClientTests
{
    private const int QueueCapacity = 64;
    private const int Total = 10_000;
    // Large enough that the socket buffers between relay and a non-reading client fill long before the end.
    private const int MessageBytes = 8 * 1024;
    // The sender waits for the fast client after each batch; a batch below the queue capacity keeps the fast client lossless.
    private const int Batch = 32;

    [Fact]
    public async Task A_client_that_never_reads_has_a_bounded_queue_loses_only_its_oldest_messages_and_holds_up_no_one()
    {
        await using var relay = await RelayServer.StartAsync(options: new RelayOptions { ClientQueueCapacity = QueueCapacity });
        await using var sender = await relay.ConnectAsync();
        await using var fast = await relay.ConnectAsync();
        await using var slow = await relay.ConnectAsync(new WebSocketSyncTransportOptions { ReceiveQueueCapacity = 8 });
        var fromFast = new Receiver(fast);

        for (var first = 0; first < Total; first += Batch)
        {
            for (var i = first; i < first + Batch && i < Total; i++) await sender.SendAsync(Numbered(i, MessageBytes));
            for (var i = first; i < first + Batch && i < Total; i++) Assert.Equal(i, Number(await fromFast.NextAsync()));
        }

        var stats = relay.Statistics;
        Assert.Equal(Total, stats.Forwarded);
        Assert.InRange(stats.MaxClientQueueDepth, 1, QueueCapacity);
        Assert.InRange(stats.QueuedMessages, 0, QueueCapacity);
        Assert.True(stats.Dropped > 0, "the slow client's queue should have overflowed");

        // Reading at last, the slow client gets an ordered run that ends with the newest message.
        var fromSlow = new Receiver(slow);
        var received = new List<int>();
        do received.Add(Number(await fromSlow.NextAsync()));
        while (received[^1] != Total - 1);
        Assert.Equal(received.Order(), received);
        Assert.Equal(received.Count, received.Distinct().Count());
        Assert.Equal(Total - stats.Dropped, received.Count);
    }
}
