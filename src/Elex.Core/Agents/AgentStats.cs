using Elex.Core.Catalog;

namespace Elex.Core.Agents;

/// <summary>A snapshot of one agent's state and counters.</summary>
public sealed record AgentStats(
    string AgentId,
    FeatureCode FeatureCode,
    string FeatureName,
    AgentLifecycle Lifecycle,
    long Interactions,
    long Successes,
    double AverageLatencyUs,
    double AverageConfidence,
    DateTimeOffset LastActive)
{
    /// <summary>The learner's current exploration rate (0 when learning is off).</summary>
    public float Epsilon { get; init; }

    /// <summary>Q-table entries that have been learned (non-zero).</summary>
    public int QTableEntries { get; init; }

    /// <summary>Trajectories in the replay buffer.</summary>
    public int TrajectoryCount { get; init; }

    /// <summary>Successes divided by interactions (0 when none).</summary>
    public double SuccessRate => Interactions == 0 ? 0 : (double)Successes / Interactions;
}
