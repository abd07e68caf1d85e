using System.Threading.Channels;

namespace Elex.Sync.Transport;

/// <summary>A transport connected through an <see cref="InMemorySyncHub"/>; create it with <see cref="InMemorySyncHub.CreateTransport"/>.</summary>
public sealed class InMemorySyncTransport : ISyncTransport
{
    private readonly InMemorySyncHub _hub;
    private readonly TransportLifecycle _lifecycle;

    internal InMemorySyncTransport(InMemorySyncHub hub, int queueCapacity)
    {
        _hub = hub;
        // DropOldest like the relay: the hub never waits for a receiver, so a test that does not read cannot hang a sender.
        _lifecycle = new TransportLifecycle(Channel.CreateBounded<byte[]>(
            new BoundedChannelOptions(queueCapacity) { FullMode = BoundedChannelFullMode.DropOldest }));
    }

    /// <inheritdoc />
    public SyncTransportState State => _lifecycle.State;

    /// <inheritdoc />
    public Task<SyncTransportClosure> Completion => _lifecycle.Completion;

    /// <inheritdoc />
    public Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _lifecycle.BeginConnect();
        if (!_lifecycle.TryMarkConnected()) throw _lifecycle.ClosedException();
        _hub.Join(this);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _lifecycle.ThrowIfNotConnected();
        if (!_hub.Forward(this, message.Span)) throw _lifecycle.ClosedException();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<byte[]> ReceiveAllAsync(CancellationToken cancellationToken = default) =>
        _lifecycle.ReadAllAsync(cancellationToken);

    /// <summary>Leaves the hub; the transport's <see cref="Completion"/> reports <see cref="SyncCloseReason.ClosedLocally"/>.</summary>
    public ValueTask DisposeAsync()
    {
        _hub.Leave(this);
        _lifecycle.TryClose(new SyncTransportClosure(SyncCloseReason.ClosedLocally));
        return ValueTask.CompletedTask;
    }

    internal void Deliver(byte[] message) => _lifecycle.Inbox.TryWrite(message);

    internal void CloseByPeer(int statusCode, string description) =>
        _lifecycle.TryClose(new SyncTransportClosure(SyncCloseReason.ClosedByPeer, statusCode, description));
}
