namespace Elex.Core.Agents;

/// <summary>
/// What an agent has experienced: interactions, successes, latency and confidence sums. Owned by
/// the registry per feature, so an evicted and re-created agent keeps its history.
/// </summary>
public sealed class AgentCounters
{
    private readonly object _gate = new();
    private long _interactions;
    private long _successes;
    private double _latencySumUs;
    private double _confidenceSum;
    private DateTimeOffset _lastActive;

    /// <summary>Adds one interaction.</summary>
    public void Record(double latencyUs, double confidence, bool success, DateTimeOffset at)
    {
        lock (_gate)
        {
            _interactions++;
            if (success) _successes++;
            _latencySumUs += latencyUs;
            _confidenceSum += confidence;
            _lastActive = at;
        }
    }

    /// <summary>Replaces the counters with restored values (from a store).</summary>
    public void Restore(long interactions, long successes, double latencySumUs, double confidenceSum, DateTimeOffset lastActive)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(interactions);
        if (successes < 0 || successes > interactions)
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"Successes must be between 0 and the {interactions} interactions.");
        lock (_gate)
        {
            _interactions = interactions;
            _successes = successes;
            _latencySumUs = latencySumUs;
            _confidenceSum = confidenceSum;
            _lastActive = lastActive;
        }
    }

    /// <summary>A consistent read of all counters.</summary>
    public (long Interactions, long Successes, double LatencySumUs, double ConfidenceSum, DateTimeOffset LastActive) Read()
    {
        lock (_gate) return (_interactions, _successes, _latencySumUs, _confidenceSum, _lastActive);
    }
}
