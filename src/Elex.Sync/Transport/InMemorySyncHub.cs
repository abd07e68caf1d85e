namespace Elex.Sync.Transport;

/// <summary>
/// An in-process stand-in for the sync relay, for tests of code that uses <see cref="ISyncTransport"/>: each message
/// sent by one connected transport reaches every other connected one (never its sender), a transport that connects
/// later first receives the backlog of recent messages, and a receiver's queue drops its oldest message when full.
/// </summary>
public sealed class InMemorySyncHub
{
    /// <summary>The close status transports see when the hub disconnects them ("going away").</summary>
    public const int GoingAwayStatus = 1001;

    private readonly Lock _gate = new();
    private readonly List<InMemorySyncTransport> _connected = [];
    private readonly Queue<byte[]> _backlog = new();
    private readonly int _backlogCapacity;
    private readonly int _queueCapacity;
    private long _forwarded;

    /// <summary>A hub keeping the last <paramref name="backlogCapacity"/> messages, with <paramref name="queueCapacity"/> messages per receiver.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A capacity is out of range.</exception>
    public InMemorySyncHub(int backlogCapacity = 256, int queueCapacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(backlogCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queueCapacity);
        _backlogCapacity = backlogCapacity;
        _queueCapacity = queueCapacity;
    }

    /// <summary>Transports connected right now.</summary>
    public int ConnectedCount
    {
        get { lock (_gate) return _connected.Count; }
    }

    /// <summary>Messages forwarded since the hub was created.</summary>
    public long Forwarded => Interlocked.Read(ref _forwarded);

    /// <summary>A new transport on this hub; it joins when connected.</summary>
    public InMemorySyncTransport CreateTransport() => new(this, _queueCapacity);

    /// <summary>Closes every connected transport as a relay shutting down would (status <see cref="GoingAwayStatus"/>).</summary>
    public void DisconnectAll(string description = "hub shutting down")
    {
        lock (_gate)
        {
            // Closing inside the lock: a transport the hub let go is closed before it can notice it is gone.
            foreach (var transport in _connected) transport.CloseByPeer(GoingAwayStatus, description);
            _connected.Clear();
        }
    }

    internal void Join(InMemorySyncTransport transport)
    {
        lock (_gate)
        {
            if (transport.State != SyncTransportState.Connected) return;
            foreach (var message in _backlog) transport.Deliver(message.AsSpan().ToArray());
            _connected.Add(transport);
        }
    }

    internal void Leave(InMemorySyncTransport transport)
    {
        lock (_gate) _connected.Remove(transport);
    }

    /// <summary>False when <paramref name="sender"/> is no longer connected (the hub let it go).</summary>
    internal bool Forward(InMemorySyncTransport sender, ReadOnlySpan<byte> message)
    {
        lock (_gate)
        {
            if (!_connected.Contains(sender)) return false;
            if (_backlogCapacity > 0)
            {
                if (_backlog.Count == _backlogCapacity) _backlog.Dequeue();
                _backlog.Enqueue(message.ToArray());
            }
            _forwarded++;
            // Each receiver gets its own copy, as over a network: one cannot change what another reads.
            foreach (var receiver in _connected)
            {
                if (!ReferenceEquals(receiver, sender)) receiver.Deliver(message.ToArray());
            }
            return true;
        }
    }
}
