using System.Threading.Channels;

namespace Elex.Server.Streaming;

/// <summary>One subscriber's bounded queue on a <see cref="LiveFeed"/>.</summary>
internal sealed class LiveSubscription : IDisposable
{
    private readonly LiveFeed _feed;
    private readonly Channel<string> _queue;
    private readonly TaskCompletionSource _dropped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal LiveSubscription(LiveFeed feed, Channel<string> queue)
    {
        _feed = feed;
        _queue = queue;
    }

    /// <summary>The events, in the order they were published; ends when dropped, when the feed completes, or on dispose.</summary>
    public ChannelReader<string> Reader => _queue.Reader;

    /// <summary>Completes when this subscriber was dropped for a full queue.</summary>
    public Task WhenDropped => _dropped.Task;

    /// <summary>True once dropped for a full queue.</summary>
    public bool WasDropped => _dropped.Task.IsCompleted;

    internal bool TryWrite(string data) => _queue.Writer.TryWrite(data);

    internal void MarkDropped()
    {
        // What was queued before the drop is still read; then the stream ends.
        _queue.Writer.TryComplete();
        _dropped.TrySetResult();
    }

    internal void Complete() => _queue.Writer.TryComplete();

    /// <summary>Leaves the feed.</summary>
    public void Dispose()
    {
        _feed.Remove(this);
        _queue.Writer.TryComplete();
    }
}
