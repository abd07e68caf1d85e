namespace Elex.Core.Agents;

/// <summary>
/// What an agent has experienced: interactions, successes, latency and confidence sums, and the
/// ratings its answers have been given. Owned by the registry per feature, so an evicted and
/// re-created agent keeps its history.
/// </summary>
/// <remarks>
/// A success is an answer that has not been rated unsuccessful: every answer counts as one when it
/// is given, and stops counting when a rating says it failed (and counts again if a later rating of
/// the same response says it succeeded). Each response has at most one rating in effect.
/// </remarks>
public sealed class AgentCounters
{
    private readonly Lock _gate = new();
    private long _interactions;
    private long _successes;
    private double _latencySumUs;
    private double _confidenceSum;
    private DateTimeOffset _lastActive;
    private long _rated;
    private long _ratedUnsuccessful;

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

    /// <summary>
    /// Applies a rating of one of the agent's answers. <paramref name="previousSuccess"/> is what the
    /// rating it replaces said (null for the response's first rating): a replaced rating is taken back,
    /// so a response is never counted twice.
    /// </summary>
    public void Rate(bool? previousSuccess, bool success)
    {
        lock (_gate)
        {
            if (previousSuccess is null) _rated++;
            else if (previousSuccess == false) _ratedUnsuccessful--;
            if (!success) _ratedUnsuccessful++;
            // An answer counted as a success when given; only a change of verdict moves the count.
            var wasSuccess = previousSuccess ?? true;
            if (wasSuccess && !success) _successes = Math.Max(0, _successes - 1);
            else if (!wasSuccess && success) _successes = Math.Min(_interactions, _successes + 1);
        }
    }

    /// <summary>Answers rated so far (one rating per response), and how many of those ratings say the answer failed.</summary>
    public (long Rated, long RatedUnsuccessful) ReadRatings()
    {
        lock (_gate) return (_rated, _ratedUnsuccessful);
    }

    /// <summary>Replaces the rating counts with restored values (from a store).</summary>
    public void RestoreRatings(long rated, long ratedUnsuccessful)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rated);
        if (ratedUnsuccessful < 0 || ratedUnsuccessful > rated)
            throw new ArgumentOutOfRangeException(nameof(ratedUnsuccessful), ratedUnsuccessful, $"Unsuccessful ratings must be between 0 and the {rated} ratings.");
        lock (_gate)
        {
            _rated = rated;
            _ratedUnsuccessful = ratedUnsuccessful;
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
