namespace Elex.Sync.Transport;

/// <summary>Why a sync connection ended.</summary>
public enum SyncCloseReason
{
    /// <summary>This side closed it (disposed the transport).</summary>
    ClosedLocally,

    /// <summary>The peer closed it; the status code and description are the peer's (e.g. 1008 for a broken limit, 1001 when the relay shuts down).</summary>
    ClosedByPeer,

    /// <summary>This side closed it because the peer sent a message it does not accept (too large, or text).</summary>
    RejectedPeerMessage,

    /// <summary>The connection broke without a close handshake (network failure, peer vanished, send cancelled mid-message).</summary>
    ConnectionLost,

    /// <summary>The connection could not be opened.</summary>
    ConnectFailed,
}
