namespace Elex.Storage.Tests.Encryption;

/// <summary>Passes everything to a real store and counts the calls that could change it.</summary>
internal sealed class MutationCountingStore(IAgentStore inner) : IAgentStore
{
    public int Mutations { get; private set; }

    public int SchemaVersion => inner.SchemaVersion;

    public Task WriteAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        Mutations++;
        return inner.WriteAsync(batch, cancellationToken);
    }

    public Task ClearAgentAsync(string agentId, CancellationToken cancellationToken = default)
    {
        Mutations++;
        return inner.ClearAgentAsync(agentId, cancellationToken);
    }

    public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        Mutations++;
        return inner.SetSettingAsync(key, value, cancellationToken);
    }

    public Task<IReadOnlyList<QTableRecord>> LoadQTablesAsync(CancellationToken cancellationToken = default) => inner.LoadQTablesAsync(cancellationToken);

    public Task<IReadOnlyList<TrajectoryRecord>> LoadTrajectoriesAsync(string? agentId = null, CancellationToken cancellationToken = default) => inner.LoadTrajectoriesAsync(agentId, cancellationToken);

    public Task<IReadOnlyList<AgentStateRecord>> LoadAgentStatesAsync(CancellationToken cancellationToken = default) => inner.LoadAgentStatesAsync(cancellationToken);

    public Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default) => inner.GetSettingAsync(key, cancellationToken);

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => inner.GetStatisticsAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
