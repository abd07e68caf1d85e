using Elex.Storage;

namespace Elex.Streams.Tests.Hosting;

/// <summary>
/// A decorator over a real store that records, in order, each write and each close, and can fail the
/// restore (loads) or every write from a given moment on.
/// </summary>
public sealed class RecordingStore(IAgentStore inner) : IAgentStore
{
    private readonly Lock _gate = new();
    private readonly List<string> _events = [];

    /// <summary>Loads throw, as a store failing while the swarm restores.</summary>
    public bool FailLoads { get; set; }

    /// <summary>Writes throw (the inner store is not reached).</summary>
    public bool FailWrites { get; set; }

    /// <summary>"write" and "dispose", in the order they happened.</summary>
    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_gate) return [.. _events];
        }
    }

    public int SchemaVersion => inner.SchemaVersion;

    public async Task WriteAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        if (FailWrites) throw new StoreException("injected fault: disk I/O error");
        await inner.WriteAsync(batch, cancellationToken);
        Record("write");
    }

    public Task<IReadOnlyList<QTableRecord>> LoadQTablesAsync(CancellationToken cancellationToken = default) =>
        FailLoads ? throw new StoreException("injected fault: the database disk image is malformed") : inner.LoadQTablesAsync(cancellationToken);

    public Task<IReadOnlyList<TrajectoryRecord>> LoadTrajectoriesAsync(string? agentId = null, CancellationToken cancellationToken = default) =>
        inner.LoadTrajectoriesAsync(agentId, cancellationToken);

    public Task<IReadOnlyList<AgentStateRecord>> LoadAgentStatesAsync(CancellationToken cancellationToken = default) => inner.LoadAgentStatesAsync(cancellationToken);

    public Task ClearAgentAsync(string agentId, CancellationToken cancellationToken = default) => inner.ClearAgentAsync(agentId, cancellationToken);

    public Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default) => inner.GetSettingAsync(key, cancellationToken);

    public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default) => inner.SetSettingAsync(key, value, cancellationToken);

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => inner.GetStatisticsAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Record("dispose");
        await inner.DisposeAsync();
    }

    private void Record(string what)
    {
        lock (_gate) _events.Add(what);
    }
}
