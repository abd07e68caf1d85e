using Elex.Storage;

namespace Elex.Hosting.Tests;

/// <summary>A real store whose writes can be made to fail and work again, to see what the host logs about a failing store.</summary>
internal sealed class SwitchableStore(IAgentStore inner) : IAgentStore
{
    private volatile bool _failing;

    public void FailWrites(bool failing) => _failing = failing;

    public int SchemaVersion => inner.SchemaVersion;

    public Task WriteAsync(StoreBatch batch, CancellationToken cancellationToken = default) =>
        _failing ? Task.FromException(new StoreException("disk unplugged (test)")) : inner.WriteAsync(batch, cancellationToken);

    public Task<IReadOnlyList<QTableRecord>> LoadQTablesAsync(CancellationToken cancellationToken = default) => inner.LoadQTablesAsync(cancellationToken);

    public Task<IReadOnlyList<TrajectoryRecord>> LoadTrajectoriesAsync(string? agentId = null, CancellationToken cancellationToken = default) =>
        inner.LoadTrajectoriesAsync(agentId, cancellationToken);

    public Task<IReadOnlyList<AgentStateRecord>> LoadAgentStatesAsync(CancellationToken cancellationToken = default) => inner.LoadAgentStatesAsync(cancellationToken);

    public Task ClearAgentAsync(string agentId, CancellationToken cancellationToken = default) => inner.ClearAgentAsync(agentId, cancellationToken);

    public Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default) => inner.GetSettingAsync(key, cancellationToken);

    public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default) => inner.SetSettingAsync(key, value, cancellationToken);

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => inner.GetStatisticsAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
