namespace Elex.Sync.Transport;

/// <summary>The sync connection is closed; <see cref="Closure"/> says who closed it and why.</summary>
public sealed class SyncTransportClosedException : IOException
{
    /// <summary>Creates the exception for <paramref name="closure"/>.</summary>
    public SyncTransportClosedException(SyncTransportClosure closure)
        : base($"The sync connection is closed: {closure}.", closure.Error)
    {
        Closure = closure;
    }

    /// <summary>How the connection ended.</summary>
    public SyncTransportClosure Closure { get; }
}
