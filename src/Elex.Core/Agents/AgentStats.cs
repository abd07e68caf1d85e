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
    /// <summary>Successes divided by interactions (0 when none).</summary>
    public double SuccessRate => Interactions == 0 ? 0 : (double)Successes / Interactions;
}
