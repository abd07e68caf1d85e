namespace Elex.SyncRelay;

/// <summary>Limits of the relay; bound from the <c>Relay</c> configuration section (e.g. <c>--Relay:BacklogCapacity=512</c>).</summary>
public sealed class RelayOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string SectionName = "Relay";

    /// <summary>How many of the most recent messages a newly connected client receives first (0 turns the backlog off).</summary>
    public int BacklogCapacity { get; set; } = 256;

    /// <summary>The largest message accepted, in bytes; a larger one closes its sender's connection (policy violation).</summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// How many messages may wait for one client. When a client reads slower than others send, its oldest waiting
    /// message is dropped (counted in <see cref="RelayStatistics.Dropped"/>), so its memory stays bounded.
    /// </summary>
    public int ClientQueueCapacity { get; set; } = 1024;

    /// <summary>How long the relay waits for a client to answer a close before it drops the connection.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws when a limit is out of range, so a bad configuration fails at start rather than per connection.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is negative or zero where it must be positive.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(BacklogCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxMessageBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(MaxMessageBytes, Array.MaxLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ClientQueueCapacity);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CloseTimeout, TimeSpan.Zero);
    }
}
