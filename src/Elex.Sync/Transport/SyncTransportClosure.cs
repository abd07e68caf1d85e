namespace Elex.Sync.Transport;

/// <summary>How a sync connection ended.</summary>
/// <param name="Reason">Who or what ended it.</param>
/// <param name="StatusCode">The WebSocket close status (RFC 6455, e.g. 1000 normal, 1001 going away, 1008 policy violation), when a close frame was exchanged.</param>
/// <param name="Description">The close frame's text or the error's message, when there is one.</param>
/// <param name="Error">The exception that ended the connection, when one did.</param>
public sealed record SyncTransportClosure(
    SyncCloseReason Reason,
    int? StatusCode = null,
    string? Description = null,
    Exception? Error = null)
{
    /// <summary>The close status of an orderly close.</summary>
    public const int NormalClosureStatus = 1000;

    /// <summary>True when this side closed it, or the peer closed it with <see cref="NormalClosureStatus"/>.</summary>
    public bool IsNormal => Reason == SyncCloseReason.ClosedLocally
        || (Reason == SyncCloseReason.ClosedByPeer && StatusCode == NormalClosureStatus);

    /// <summary>E.g. <c>ClosedByPeer (1008): message exceeds 4194304 bytes</c>.</summary>
    public override string ToString()
    {
        var status = StatusCode is { } code ? $" ({code})" : "";
        var description = string.IsNullOrEmpty(Description) ? "" : $": {Description}";
        return $"{Reason}{status}{description}";
    }
}
