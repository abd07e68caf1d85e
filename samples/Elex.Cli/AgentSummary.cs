using Elex.Core.Agents;
using Elex.Core.Telemetry;

namespace Elex.Cli;

/// <summary>One agent's standing in a line: lifecycle, successes (answers not rated unsuccessful), ratings, latency.</summary>
internal static class AgentSummary
{
    public static string Describe(AgentStats s) =>
        $"{s.AgentId}: lifecycle {s.Lifecycle}, {s.Successes} of {s.Interactions} answers successful ({s.SuccessRate:P0}), {s.Rated} rated ({s.RatedUnsuccessful} unsuccessful), avg latency {Durations.FromMicroseconds(s.AverageLatencyUs)}, avg confidence {s.AverageConfidence:0.00}";
}
