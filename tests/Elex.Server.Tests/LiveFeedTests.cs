using Elex.Server.Streaming;

namespace Elex.Server.Tests;

/// <summary>The fan-out behind the live streams: bounded queues, a full one drops its subscriber and nobody else.</summary>
public sealed class LiveFeedTests
{
    [Fact]
    public void Publish_FullQueue_DropsThatSubscriberOnly_AndCountsIt()
    {
        var feed = new LiveFeed("responses");
        using var reading = feed.Subscribe(capacity: 2);
        using var stalled = feed.Subscribe(capacity: 2);
        var received = new List<string>();

        foreach (var e in new[] { "e1", "e2", "e3", "e4" })
        {
            feed.Publish(e);
            while (reading.Reader.TryRead(out var data)) received.Add(data);
        }

        Assert.Equal(["e1", "e2", "e3", "e4"], received);
        Assert.True(stalled.WasDropped);
        Assert.False(reading.WasDropped);
        Assert.Equal(1, feed.Dropped);
        Assert.Equal(1, feed.Subscribers);
        Assert.Equal(4, feed.Published);
        Assert.Equal(4 + 2, feed.Delivered);
        // What was queued before the drop is still read, then its stream ends.
        Assert.True(stalled.Reader.TryRead(out var first) && first == "e1");
        Assert.True(stalled.Reader.TryRead(out var second) && second == "e2");
        Assert.True(stalled.Reader.Completion.IsCompleted);
    }

    [Fact]
    public void Dispose_LeavesTheFeed_WithoutCountingADrop()
    {
        var feed = new LiveFeed("telemetry");
        var subscription = feed.Subscribe(capacity: 1);

        subscription.Dispose();
        feed.Publish("e1");
        feed.Publish("e2");

        Assert.Equal(0, feed.Subscribers);
        Assert.Equal(0, feed.Dropped);
        Assert.False(subscription.WasDropped);
        Assert.True(subscription.Reader.Completion.IsCompleted);
    }

    [Fact]
    public void Complete_EndsEverySubscription_AndLaterOnesAtOnce()
    {
        var feed = new LiveFeed("responses");
        using var before = feed.Subscribe(capacity: 4);

        feed.Complete();
        using var after = feed.Subscribe(capacity: 4);

        Assert.True(before.Reader.Completion.IsCompleted);
        Assert.True(after.Reader.Completion.IsCompleted);
        Assert.Equal(0, feed.Subscribers);
    }
}
