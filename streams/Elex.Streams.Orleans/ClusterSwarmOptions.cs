using Elex.Core.Safety;

namespace Elex.Streams.Orleans;

/// <summary>How the client side of a clustered swarm routes, calls its agent grains and retries.</summary>
public sealed record ClusterSwarmOptions
{
    /// <summary>Below this routing confidence no agent is asked (NoMatch or Unsure), as in <see cref="SwarmConfig.MinConfidence"/>.</summary>
    public float MinConfidence { get; init; } = 0.05f;

    /// <summary>Below this routing confidence the swarm says it is not sure instead of answering, as in <see cref="SwarmConfig.AbstainBelow"/>.</summary>
    public float AbstainBelow { get; init; } = 0.7f;

    /// <summary>Grain calls in flight at once; further routed questions wait their turn.</summary>
    public int MaxConcurrentCalls { get; init; } = 64;

    /// <summary>Calls made for one answer or one rating before a cluster fault (a silo gone, a connection lost) is reported.</summary>
    public int CallAttempts { get; init; } = 8;

    /// <summary>
    /// The wait before a call is repeated after a cluster fault, doubled each time: a killed silo is
    /// declared dead and its agents placed elsewhere within a few seconds.
    /// </summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The safe zones proposed commands are checked against, as in <see cref="SwarmConfig.SafeZones"/>.</summary>
    public SafeZoneSet SafeZones { get; init; } = DefaultSafeZones.Load();

    /// <summary>Responses remembered for feedback (the rating needs the agent, learning state and strategy of the response).</summary>
    public int RememberedResponses { get; init; } = 10_000;

    /// <summary>Checks every value; the message names the bad one.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public ClusterSwarmOptions Validate()
    {
        if (MinConfidence is not (>= 0f and <= 1f)) throw new ArgumentException($"MinConfidence {MinConfidence} must be between 0 and 1.", nameof(MinConfidence));
        if (AbstainBelow is not (>= 0f and <= 1f)) throw new ArgumentException($"AbstainBelow {AbstainBelow} must be between 0 and 1.", nameof(AbstainBelow));
        if (MaxConcurrentCalls < 1) throw new ArgumentException($"MaxConcurrentCalls {MaxConcurrentCalls} must be at least 1.", nameof(MaxConcurrentCalls));
        if (CallAttempts < 1) throw new ArgumentException($"CallAttempts {CallAttempts} must be at least 1.", nameof(CallAttempts));
        if (RetryDelay < TimeSpan.Zero) throw new ArgumentException($"RetryDelay {RetryDelay} must not be negative.", nameof(RetryDelay));
        if (SafeZones is null) throw new ArgumentException("SafeZones must be set (use SafeZoneSet.Empty for no zones).", nameof(SafeZones));
        if (RememberedResponses < 1) throw new ArgumentException($"RememberedResponses {RememberedResponses} must be at least 1.", nameof(RememberedResponses));
        return this;
    }

    /// <summary>One notion of "confident enough to answer" for follow-ups and for asking an agent.</summary>
    internal float AnsweredFrom => Math.Max(MinConfidence, AbstainBelow);
}
