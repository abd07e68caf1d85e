using Elex.Core.Agents;
using Elex.Core.Telemetry;
using Elex.Streams;
using Elex.Streams.Persistence;
using Elex.Streams.Sync;

namespace Elex.Browser.JsApi;

/// <summary>One agent's stats with the seed's <c>AgentStats</c> names (plus <c>lifecycle</c> and <c>interactions</c>).</summary>
public sealed record JsAgentStats(
    string AgentId,
    string FeatureCode,
    string FeatureName,
    string Status,
    long QueryCount,
    long SuccessCount,
    double SuccessRate,
    double AvgLatencyMs,
    double Confidence,
    double Health,
    int QTableEntries,
    int TrajectoryCount,
    float Epsilon,
    long LastActive)
{
    /// <summary>Maps an agent snapshot; health is the success rate, 1 for an agent without answers yet.</summary>
    public static JsAgentStats From(AgentStats s) => new(
        s.AgentId, s.FeatureCode.Value, s.FeatureName, s.Lifecycle.ToString(), s.Interactions, s.Successes, s.SuccessRate,
        s.AverageLatencyUs / 1000.0, s.AverageConfidence, s.Interactions == 0 ? 1 : s.SuccessRate, s.QTableEntries, s.TrajectoryCount,
        s.Epsilon, s.LastActive == default ? 0 : s.LastActive.ToUnixTimeMilliseconds());
}

/// <summary>The sliding latency window in milliseconds.</summary>
public sealed record JsLatency(long Timestamp, double WindowMs, long Count, double P50Ms, double P95Ms, double P99Ms, double Throughput, double SuccessRate, double AverageConfidence)
{
    /// <summary>Maps a latency snapshot.</summary>
    public static JsLatency From(LatencySnapshot s) => new(
        s.Timestamp.ToUnixTimeMilliseconds(), s.Window.TotalMilliseconds, s.Count, s.P50Us / 1000.0, s.P95Us / 1000.0, s.P99Us / 1000.0,
        s.Throughput, s.SuccessRate, s.AverageConfidence);
}

/// <summary>Background persistence health.</summary>
public sealed record JsPersistence(bool Enabled, long? LastPersistedAt, long Writes, long AgentsPersisted, long Failures, int ConsecutiveFailures, string? LastError)
{
    /// <summary>Maps the persistence status.</summary>
    public static JsPersistence From(PersistenceStatus s) =>
        new(s.Enabled, s.LastPersistedAt?.ToUnixTimeMilliseconds(), s.Writes, s.AgentsPersisted, s.Failures, s.ConsecutiveFailures, s.LastError);
}

/// <summary>Federated sync state.</summary>
/// <param name="Identity">This swarm's public key, which peers trust.</param>
/// <param name="Connected">The relay connection is open.</param>
/// <param name="DeltasSent">Own deltas published.</param>
/// <param name="Accepted">Peers' deltas verified and merged.</param>
/// <param name="Rejected">Deltas refused, whatever the reason.</param>
/// <param name="PeerAgents">Agents that hold peers' learning.</param>
/// <param name="LastError">Why the connection failed or closed, or a publish failed; null while all is well.</param>
/// <param name="RelayUrl">The relay sync was started with, or null.</param>
/// <param name="RejectedByReason">Refused deltas by reason (<c>Malformed</c>, <c>Unsigned</c>, <c>UntrustedKey</c>, <c>BadSignature</c>, <c>Replayed</c>).</param>
/// <param name="LastSentAt">When the last own delta was published (ms since the epoch), or null.</param>
/// <param name="TrustedKeys">Peers' keys this swarm accepts deltas from (its own is implied).</param>
public sealed record JsSyncStatus(
    string Identity,
    bool Connected,
    long DeltasSent,
    long Accepted,
    long Rejected,
    int PeerAgents,
    string? LastError,
    string? RelayUrl,
    IReadOnlyDictionary<string, long> RejectedByReason,
    long? LastSentAt,
    IReadOnlyList<string> TrustedKeys)
{
    /// <summary>Maps the sync status, with the relay the session started and the trusted keys.</summary>
    public static JsSyncStatus From(SyncStatus s, Uri? relay, IReadOnlyList<string> trustedKeys) => new(
        s.Identity, s.Connected, s.DeltasSent, s.Accepted, s.RejectedTotal, s.PeerAgents, s.LastError, relay?.ToString(),
        s.Rejected.ToDictionary(r => r.Key.ToString(), r => r.Value), s.LastSentAt?.ToUnixTimeMilliseconds(), trustedKeys);
}

/// <summary>The whole swarm, with the seed's <c>SwarmStats</c> names plus live latency, persistence and sync.</summary>
public sealed record JsSwarmStats(
    int TotalAgents,
    int ActiveAgents,
    long TotalQueries,
    long TotalSuccesses,
    double AvgLatencyMs,
    double CacheHitRate,
    double MemoryUsageMB,
    double UptimeMs,
    string Topology,
    JsLatency Latency,
    JsPersistence Persistence,
    JsSyncStatus Sync)
{
    /// <summary>Maps the swarm's statistics.</summary>
    public static JsSwarmStats From(SwarmStats s, PersistenceStatus persistence, JsSyncStatus sync) => new(
        s.TotalAgents, s.ActiveAgents, s.TotalQueries, s.TotalSuccesses, s.AvgLatencyMs, s.CacheHitRate, s.MemoryUsageMB, s.UptimeMs,
        s.Topology, JsLatency.From(s.Latency), JsPersistence.From(persistence), sync);
}
