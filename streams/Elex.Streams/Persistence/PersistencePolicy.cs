namespace Elex.Streams.Persistence;

/// <summary>
/// When agent state is written and how a failing store is retried. The defaults write within a
/// quarter second of the last change (at most two seconds under steady traffic) and retry a failing
/// or hanging store with exponential backoff from 100 ms up to 30 s, for ever while the swarm runs.
/// </summary>
public sealed record PersistencePolicy
{
    /// <summary>Write once changes have paused this long.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Write at the latest this long after the first unwritten change, even if changes keep coming.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Write at once when this many agents are waiting.</summary>
    public int MaxBatch { get; init; } = 1024;

    /// <summary>A write that has not finished after this long counts as failed (the store hangs) and is retried.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the first retry; doubled after each further failure.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between retries.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts left for what is still unwritten once the change stream has ended (at shutdown).</summary>
    public int DrainAttempts { get; init; } = 3;

    /// <summary>The wait before retry number <paramref name="failures"/> (1 = after the first failure).</summary>
    public TimeSpan BackoffAfter(int failures)
    {
        var factor = Math.Pow(2, Math.Min(Math.Max(failures - 1, 0), 30));
        var ticks = Math.Min(InitialBackoff.Ticks * factor, MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first unusable value; returns this policy.</summary>
    public PersistencePolicy Validate()
    {
        Require(Debounce > TimeSpan.Zero, nameof(Debounce), "must be positive");
        Require(MaxDelay >= Debounce, nameof(MaxDelay), "must be at least Debounce");
        Require(MaxBatch >= 1, nameof(MaxBatch), "must be at least 1");
        Require(WriteTimeout > TimeSpan.Zero, nameof(WriteTimeout), "must be positive");
        Require(InitialBackoff > TimeSpan.Zero, nameof(InitialBackoff), "must be positive");
        Require(MaxBackoff >= InitialBackoff, nameof(MaxBackoff), "must be at least InitialBackoff");
        Require(DrainAttempts >= 1, nameof(DrainAttempts), "must be at least 1");
        return this;
    }

    private static void Require(bool ok, string option, string message)
    {
        if (!ok) throw new ArgumentException($"PersistencePolicy.{option}: {message}.", option);
    }
}
