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

    /// <summary>
    /// How long <see cref="WebSocketSyncTransport.ConnectAsync"/> waits for the relay's handshake before the
    /// connection fails as <see cref="SyncCloseReason.ConnectFailed"/>: an unreachable host otherwise holds the
    /// caller for the operating system's TCP timeout, minutes. <see cref="Timeout.InfiniteTimeSpan"/> waits for that.
    /// </summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a ping keeps an idle connection open through proxies and NATs (not settable in a browser, whose WebSocket answers pings itself).</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxMessageBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(MaxMessageBytes, Array.MaxLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ReceiveQueueCapacity);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CloseTimeout, TimeSpan.Zero);
        if (ConnectTimeout != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(ConnectTimeout, TimeSpan.FromMilliseconds(int.MaxValue));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(KeepAliveInterval, TimeSpan.Zero);
    }
}
