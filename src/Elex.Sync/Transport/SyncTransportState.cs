namespace Elex.Sync.Transport;

/// <summary>The life of one sync connection; it only moves forward.</summary>
public enum SyncTransportState
{
    /// <summary>Not connected yet.</summary>
    Created,

    /// <summary><see cref="ISyncTransport.ConnectAsync"/> is in progress.</summary>
    Connecting,

    /// <summary>Messages can be sent and received.</summary>
    Connected,

    /// <summary>The connection has ended; <see cref="ISyncTransport.Completion"/> says why.</summary>
    Closed,
}
