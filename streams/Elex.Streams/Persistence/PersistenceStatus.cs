namespace Elex.Streams.Persistence;

/// <summary>The health of the swarm's background persistence, as the dashboard and <c>elex stats</c> show it.</summary>
/// <param name="Enabled">The swarm has a store.</param>
/// <param name="LastPersistedAt">When a write last succeeded, or null.</param>
/// <param name="AgentsPersisted">Agents written since start (an agent counts once per write).</param>
/// <param name="Writes">Successful writes since start.</param>
/// <param name="Failures">Failed write attempts since start.</param>
/// <param name="ConsecutiveFailures">Failed attempts since the last success; 0 when healthy.</param>
/// <param name="Pending">Agents whose latest change is not yet known to be stored (after a failure: those being retried).</param>
/// <param name="LastError">The last failure's message, or null once a write succeeds again.</param>
/// <param name="RetryIn">The backoff before the next retry while failing, or null.</param>
public sealed record PersistenceStatus(
    bool Enabled,
    DateTimeOffset? LastPersistedAt,
    long AgentsPersisted,
    long Writes,
    long Failures,
    int ConsecutiveFailures,
    int Pending,
    string? LastError,
    TimeSpan? RetryIn)
{
    /// <summary>The status of a swarm without a store.</summary>
    public static PersistenceStatus Disabled { get; } = new(false, null, 0, 0, 0, 0, 0, null, null);

    /// <summary>True while writes succeed (or there is nothing to write).</summary>
    public bool Healthy => ConsecutiveFailures == 0;

    /// <summary>The status after an outcome of the Persist stage.</summary>
    internal PersistenceStatus After<TKey>(PersistOutcome<TKey> outcome) => outcome.Succeeded
        ? this with
        {
            LastPersistedAt = outcome.At, AgentsPersisted = AgentsPersisted + outcome.Keys.Count, Writes = Writes + 1,
            ConsecutiveFailures = 0, Pending = 0, LastError = null, RetryIn = null,
        }
        : this with
        {
            Failures = Failures + 1, ConsecutiveFailures = ConsecutiveFailures + 1, Pending = outcome.Keys.Count,
            LastError = outcome.Error?.Message, RetryIn = outcome.RetryIn,
        };
}
