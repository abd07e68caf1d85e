using Elex.Core.Telemetry;

namespace Elex.Streams;

/// <summary>A snapshot of the whole swarm (the seed's SwarmStats, plus live percentiles).</summary>
public sealed record SwarmStats(
    int TotalAgents,
    int ActiveAgents,
    long TotalQueries,
    long TotalSuccesses,
    double AvgLatencyMs,
    double CacheHitRate,
    long Evictions,
    double MemoryUsageMB,
    double UptimeMs,
    string Topology,
    LatencySnapshot Latency)
{
    /// <summary>Successes divided by queries (0 when none).</summary>
    public double SuccessRate => TotalQueries == 0 ? 0 : (double)TotalSuccesses / TotalQueries;
}
