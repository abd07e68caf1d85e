namespace Elex.SyncRelay;

/// <summary>
/// The connected clients and the backlog. One lock orders joining and forwarding, so a client that joins gets the
/// backlog and then every later message, with nothing missed or repeated in between.
/// </summary>
internal sealed class RelayHub(RelayOptions options)
{
    private readonly Lock _gate = new();
    private readonly List<RelayConnection> _clients = [];
    private readonly MessageBacklog _backlog = new(options.BacklogCapacity);
    private long _forwarded;
    private long _delivered;
    private long _dropped;
    private int _maxClientQueueDepth;
    private long _lastClientId;

    public RelayOptions Options => options;

    /// <summary>Queues the backlog for <paramref name="client"/>, oldest first, and starts forwarding to it.</summary>
    public void Join(RelayConnection client)
    {
        lock (_gate)
        {
            foreach (var message in _backlog.OldestFirst()) Enqueue(client, message);
            _clients.Add(client);
        }
    }

    /// <summary>Stops forwarding to <paramref name="client"/>; safe to call more than once.</summary>
    public void Leave(RelayConnection client)
    {
        lock (_gate) _clients.Remove(client);
    }

    /// <summary>Keeps <paramref name="message"/> in the backlog and queues it for every client but its sender.</summary>
    public void Forward(RelayConnection sender, byte[] message)
    {
        lock (_gate)
        {
            _backlog.Add(message);
            _forwarded++;
            foreach (var client in _clients)
            {
                if (!ReferenceEquals(client, sender)) Enqueue(client, message);
            }
        }
    }

    /// <summary>A number naming a client in the log.</summary>
    public long NextClientId() => Interlocked.Increment(ref _lastClientId);

    public void CountDelivered() => Interlocked.Increment(ref _delivered);

    public void CountDropped() => Interlocked.Increment(ref _dropped);

    public RelayStatistics Snapshot()
    {
        lock (_gate)
        {
            var queued = 0;
            foreach (var client in _clients) queued += client.QueueDepth;
            return new RelayStatistics(
                _clients.Count,
                _forwarded,
                Interlocked.Read(ref _delivered),
                Interlocked.Read(ref _dropped),
                _backlog.Count,
                queued,
                _maxClientQueueDepth);
        }
    }

    private void Enqueue(RelayConnection client, byte[] message)
    {
        var depth = client.Enqueue(message);
        if (depth > _maxClientQueueDepth) _maxClientQueueDepth = depth;
    }
}
