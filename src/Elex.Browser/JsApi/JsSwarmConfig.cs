namespace Elex.Browser.JsApi;

/// <summary>The JS <c>createSwarm(config)</c> argument; every field optional (the seed's <c>SwarmConfig</c> names).</summary>
public sealed record JsSwarmConfig
{
    /// <summary><c>mesh</c>, <c>hierarchical</c> or <c>hierarchical_mesh</c>.</summary>
    public string? Topology { get; init; }
    /// <summary>Agents kept loaded.</summary>
    public int? MaxAgents { get; init; }
    /// <summary>Publish telemetry.</summary>
    public bool? EnableTelemetry { get; init; }
    /// <summary>Persist to IndexedDB (default true).</summary>
    public bool? EnableIndexedDB { get; init; }
    /// <summary>IndexedDB database name (default <c>elex</c>).</summary>
    public string? DatabaseName { get; init; }
    /// <summary>Accepted and ignored: the seed SDK's scripts pass it, but nothing here has a memory budget to set (<see cref="MaxAgents"/> bounds the agents loaded).</summary>
    public int? CacheSizeMB { get; init; }
    /// <summary>Create agents on first use.</summary>
    public bool? LazyLoading { get; init; }
    /// <summary>Publish learning automatically once sync is started.</summary>
    public bool? AutoSync { get; init; }
    /// <summary>Least interval between automatic sync publications.</summary>
    public int? SyncIntervalMs { get; init; }
    /// <summary>Below this routing confidence the swarm answers NoMatch.</summary>
    public float? MinConfidence { get; init; }
    /// <summary>Federated sync through a relay, started with the swarm (optional).</summary>
    public JsSyncConfig? Sync { get; init; }
}
