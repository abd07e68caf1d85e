namespace Elex.Sync.Transport;

/// <summary>
/// A connection that carries opaque sync messages (signed Q-table deltas) between this swarm and the others.
/// One connection per instance: once <see cref="State"/> is <see cref="SyncTransportState.Closed"/>, reconnecting
/// means creating a new transport, which the caller decides.
/// </summary>
public interface ISyncTransport : IAsyncDisposable
{
    /// <summary>Where the connection is in its life; reconnect logic watches this or awaits <see cref="Completion"/>.</summary>
    SyncTransportState State { get; }

    /// <summary>Completes (never faults) when the connection has closed, telling who closed it and why.</summary>
    Task<SyncTransportClosure> Completion { get; }

    /// <summary>Opens the connection; call once.</summary>
    /// <exception cref="InvalidOperationException">Already called.</exception>
    /// <exception cref="SyncTransportClosedException">The connection could not be opened (reason in its closure).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first.</exception>
    Task ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>Sends one whole message to the other swarms; concurrent calls are sent one after another.</summary>
    /// <exception cref="InvalidOperationException">Not connected yet.</exception>
    /// <exception cref="SyncTransportClosedException">The connection is closed (reason in its closure).</exception>
    Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default);

    /// <summary>
    /// The messages other swarms sent, in arrival order, each delivered once (concurrent enumerations share them).
    /// Ends when the connection closes normally; throws <see cref="SyncTransportClosedException"/> after the
    /// messages already received when it closes otherwise. May be started before connecting.
    /// </summary>
    IAsyncEnumerable<byte[]> ReceiveAllAsync(CancellationToken cancellationToken = default);
}
