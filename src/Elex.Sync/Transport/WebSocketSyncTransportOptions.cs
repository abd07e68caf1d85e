namespace Elex.Sync.Transport;

/// <summary>Limits of a <see cref="WebSocketSyncTransport"/>.</summary>
public sealed class WebSocketSyncTransportOptions
{
    /// <summary>The largest message sent or accepted, in bytes (the relay's default limit too); a larger incoming one closes the connection.</summary>
    public int MaxMessageBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// How many received messages may wait for the reader. When they are not read, the transport stops reading the
    /// socket, so a slow reader slows its connection (and the relay drops that connection's oldest messages) instead of growing memory.
    /// </summary>
    public int ReceiveQueueCapacity { get; init; } = 256;

    /// <summary>How long closing waits for the peer's answer before dropping the connection.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a ping keeps an idle connection open through proxies and NATs.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxMessageBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(MaxMessageBytes, Array.MaxLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ReceiveQueueCapacity);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CloseTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(KeepAliveInterval, TimeSpan.Zero);
    }
}
