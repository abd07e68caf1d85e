namespace Elex.Storage;

/// <summary>
/// The agent-state store port: three stores with the seed's names (<c>q_tables</c>,
/// <c>trajectories</c>, <c>agent_state</c>), batch writes in one transaction, loads, statistics
/// and a schema version. The embedded default is <c>SqliteAgentStore</c> (project Elex.Storage.Sqlite); the
/// browser's <c>IndexedDbAgentStore</c> (Elex.Browser) implements the same port.
/// </summary>
public interface IAgentStore : IAsyncDisposable
{
    /// <summary>The schema version the store is at.</summary>
    int SchemaVersion { get; }

    /// <summary>Writes a batch atomically; returns once it is durable.</summary>
    Task WriteAsync(StoreBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Every Q-table.</summary>
    Task<IReadOnlyList<QTableRecord>> LoadQTablesAsync(CancellationToken cancellationToken = default);

    /// <summary>Trajectories, of one agent or of all.</summary>
    Task<IReadOnlyList<TrajectoryRecord>> LoadTrajectoriesAsync(string? agentId = null, CancellationToken cancellationToken = default);

    /// <summary>Every agent state.</summary>
    Task<IReadOnlyList<AgentStateRecord>> LoadAgentStatesAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes everything stored for one agent.</summary>
    Task ClearAgentAsync(string agentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A small named value the swarm keeps beside its agents (its sync identity, the salt of its
    /// encryption key), or null when none is stored.
    /// </summary>
    Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores a named value durably, replacing any earlier one.</summary>
    Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Records and bytes per store.</summary>
    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);
}
