namespace Elex.Streams.Persistence;

/// <summary>What one write attempt of the Persist stage did.</summary>
/// <param name="Keys">The keys the attempt wrote (or tried to).</param>
/// <param name="Succeeded">The write finished and is durable.</param>
/// <param name="Attempt">1 for a first attempt; counts consecutive failures plus one.</param>
/// <param name="At">The scheduler's time when the attempt ended.</param>
/// <param name="Duration">How long the attempt took.</param>
/// <param name="Error">Why it failed (a <see cref="TimeoutException"/> for a hanging store).</param>
/// <param name="RetryIn">The backoff before the next attempt; null after a success or when the keys were given up.</param>
internal sealed record PersistOutcome<TKey>(
    IReadOnlyList<TKey> Keys, bool Succeeded, int Attempt, DateTimeOffset At, TimeSpan Duration, Exception? Error = null, TimeSpan? RetryIn = null)
{
    /// <summary>A failure after which the keys are not retried any more (the change stream had ended and the drain attempts ran out).</summary>
    public bool GaveUp => !Succeeded && RetryIn is null;
}
