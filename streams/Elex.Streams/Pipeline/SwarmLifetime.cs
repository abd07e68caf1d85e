namespace Elex.Streams.Pipeline;

/// <summary>
/// Whether the swarm still takes work. Shared by every entry point, so a call that races disposal
/// fails the same way whichever branch it enters by.
/// </summary>
internal sealed class SwarmLifetime
{
    private int _disposed;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    // Named after the facade, not this type: that is what callers hold.
    public void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, typeof(ElexSwarm));

    /// <summary>True for the one caller that gets to dispose.</summary>
    public bool TryBeginDispose() => Interlocked.Exchange(ref _disposed, 1) == 0;
}
