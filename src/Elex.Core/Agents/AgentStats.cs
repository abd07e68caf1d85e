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
    /// <summary>The stats of a feature's agent from its counters and learner, in the given lifecycle.</summary>
    internal static AgentStats Of(Feature feature, AgentCounters? counters, Learning.QLearner? learner, AgentLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var (interactions, successes, latencySum, confidenceSum, lastActive) = counters?.Read() ?? default;
        var (rated, ratedUnsuccessful) = counters?.ReadRatings() ?? default;
        return new AgentStats(global::Elex.Core.Agents.AgentId.For(feature.Code), feature.Code, feature.Name, lifecycle, interactions, successes,
            interactions == 0 ? 0 : latencySum / interactions,
            interactions == 0 ? 0 : confidenceSum / interactions,
            lastActive)
        {
            Rated = rated,
            RatedUnsuccessful = ratedUnsuccessful,
            Epsilon = learner?.Epsilon ?? 0,
            QTableEntries = learner?.QTableEntries ?? 0,
            TrajectoryCount = learner?.TrajectoryCount ?? 0,
        };
    }

    /// <summary>The learner's current exploration rate (0 when learning is off).</summary>
    public float Epsilon { get; init; }

    /// <summary>Q-table entries that have been learned (non-zero).</summary>
    public int QTableEntries { get; init; }

    /// <summary>Trajectories in the replay buffer.</summary>
    public int TrajectoryCount { get; init; }

    /// <summary>Answers rated so far (one rating per response).</summary>
    public long Rated { get; init; }

    /// <summary>Rated answers whose rating says they failed; they are not counted in <see cref="Successes"/>.</summary>
    public long RatedUnsuccessful { get; init; }

    /// <summary>
    /// Successes divided by interactions (0 when none). A success is an answer not rated unsuccessful
    /// (see <see cref="AgentCounters"/>).
    /// </summary>
    public double SuccessRate => Interactions == 0 ? 0 : (double)Successes / Interactions;
}
