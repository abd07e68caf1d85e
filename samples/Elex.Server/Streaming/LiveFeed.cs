using System.Threading.Channels;

namespace Elex.Server.Streaming;

/// <summary>
/// One live stream fanned out to many subscribers, each through a bounded queue of its own. Publishing never waits: an
/// event goes into every queue that has room, and a subscriber whose queue is full is dropped from the stream and
/// counted — so a slow or stalled client costs at most its queue's capacity and never slows the swarm or anyone else.
/// </summary>
internal sealed class LiveFeed(string name)
{
    private readonly object _gate = new();
    private LiveSubscription[] _subscribers = [];
    private long _published, _delivered, _dropped;
    private bool _completed;

    public string Name { get; } = name;

    /// <summary>Subscribers now.</summary>
    public int Subscribers => Volatile.Read(ref _subscribers).Length;

    /// <summary>Events published.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Events queued for a subscriber (one per subscriber and event).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Subscribers dropped because their queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Whether anyone listens: publishers skip building an event nobody would read.</summary>
    public bool HasSubscribers => Subscribers > 0;

    /// <summary>Subscribes with a queue of <paramref name="capacity"/> events; dispose to leave.</summary>
    public LiveSubscription Subscribe(int capacity)
    {
        var subscription = new LiveSubscription(this, Channel.CreateBounded<string>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,   // TryWrite fails when full: the publisher drops the subscriber, never waits
            SingleReader = true,
        }));
        lock (_gate)
        {
            if (_completed) subscription.Complete();
            else _subscribers = [.. _subscribers, subscription];
        }
        return subscription;
    }

    /// <summary>Queues <paramref name="data"/> for every subscriber; drops each whose queue is full.</summary>
    public void Publish(string data)
    {
        Interlocked.Increment(ref _published);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            if (subscriber.TryWrite(data)) Interlocked.Increment(ref _delivered);
            else if (Remove(subscriber))
            {
                Interlocked.Increment(ref _dropped);
                subscriber.MarkDropped();
            }
        }
    }

    /// <summary>Ends the stream for every subscriber (the server is stopping).</summary>
    public void Complete()
    {
        LiveSubscription[] subscribers;
        lock (_gate)
        {
            _completed = true;
            subscribers = _subscribers;
            _subscribers = [];
        }
        foreach (var subscriber in subscribers) subscriber.Complete();
    }

    internal bool Remove(LiveSubscription subscription)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_subscribers, subscription);
            if (index < 0) return false;
            _subscribers = [.. _subscribers[..index], .. _subscribers[(index + 1)..]];
            return true;
        }
    }
}
