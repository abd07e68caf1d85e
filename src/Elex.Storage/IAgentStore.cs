namespace Elex.Storage;

/// <summary>
/// The agent-state store port: three stores with the seed's names (<c>q_tables</c>,
/// <c>trajectories</c>, <c>agent_state</c>), batch writes in one transaction, loads, statistics
/// and a schema version. The embedded default is <see cref="SqliteAgentStore"/>; the browser's
/// IndexedDB store implements the same port.
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

    /// <summary>Records and bytes per store.</summary>
    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);
}
