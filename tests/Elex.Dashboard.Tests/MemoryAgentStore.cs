using Elex.Storage;

namespace Elex.Dashboard.Tests;

/// <summary>An agent store in memory (the dashboard's IndexedDB store needs a browser); writes can be made to fail.</summary>
internal sealed class MemoryAgentStore : IAgentStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, QTableRecord> _qTables = new(StringComparer.Ordinal);
    private readonly Dictionary<(string AgentId, string TrajectoryId), TrajectoryRecord> _trajectories = [];
    private readonly Dictionary<string, AgentStateRecord> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);
    private string? _fault;

    public int SchemaVersion => 1;

    /// <summary>While set, every write fails with this message.</summary>
    public string? Fault
    {
        get { lock (_gate) return _fault; }
        set { lock (_gate) _fault = value; }
    }

    public IReadOnlyList<AgentStateRecord> AgentStates
    {
        get { lock (_gate) return [.. _states.Values]; }
    }

    public Task WriteAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        batch.Validate();
        lock (_gate)
        {
            if (_fault is { } fault) throw new StoreException(fault);
            foreach (var r in batch.QTables) _qTables[r.AgentId] = r;
            foreach (var r in batch.Trajectories) _trajectories[(r.AgentId, r.TrajectoryId)] = r;
            foreach (var r in batch.AgentStates) _states[r.AgentId] = r;
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QTableRecord>> LoadQTablesAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<QTableRecord>>([.. _qTables.Values]);
    }

    public Task<IReadOnlyList<TrajectoryRecord>> LoadTrajectoriesAsync(string? agentId = null, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<TrajectoryRecord>>([.. _trajectories.Values.Where(t => agentId is null || t.AgentId == agentId)]);
    }

    public Task<IReadOnlyList<AgentStateRecord>> LoadAgentStatesAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<AgentStateRecord>>([.. _states.Values]);
    }

    public Task ClearAgentAsync(string agentId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _qTables.Remove(agentId);
            _states.Remove(agentId);
            foreach (var key in _trajectories.Keys.Where(k => k.AgentId == agentId).ToList()) _trajectories.Remove(key);
        }
        return Task.CompletedTask;
    }

    public Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_settings.GetValueOrDefault(key));
    }

    public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        lock (_gate) _settings[key] = value;
        return Task.CompletedTask;
    }

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(new StoreStatistics(SchemaVersion,
                new StoreUsage(_qTables.Count, _qTables.Values.Sum(r => (long)r.Data.Length)),
                new StoreUsage(_trajectories.Count, _trajectories.Values.Sum(r => (long)r.Data.Length)),
                new StoreUsage(_states.Count, _states.Values.Sum(r => (long)r.Json.Length))));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
