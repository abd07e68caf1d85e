using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Storage;

namespace Elex.Streams.Persistence;

/// <summary>
/// Turns agents' live state into store records and writes them as one batch. Reading the state and
/// writing it happen under one lock, so two writes can never store an older state over a newer one.
/// Changes that a caller must know are durable (acknowledged feedback) are versioned per agent: a
/// write records the versions it read before taking its snapshot, and releases the waiters whose
/// version it covered once the store has committed.
/// </summary>
internal sealed class AgentStateWriter(IAgentStore store, FeatureCatalog catalog, AgentRegistry registry, ExperienceLog experiences) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Lock _versionsGate = new();
    private readonly Dictionary<string, long> _changed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _durable = new(StringComparer.Ordinal);
    private readonly List<(string AgentId, long Version, TaskCompletionSource Done)> _waiters = [];
    // Reused by every write (they run one at a time under _lock).
    private readonly AgentStateJsonWriter _json = new();

    /// <summary>Records that an agent's state changed in a way a caller will wait on; returns the change's version.</summary>
    public long MarkChanged(string agentId)
    {
        lock (_versionsGate) return _changed[agentId] = _changed.GetValueOrDefault(agentId) + 1;
    }

    /// <summary>Completes once a write that includes <paramref name="version"/> of the agent's state has committed.</summary>
    public Task WhenDurable(string agentId, long version, CancellationToken cancellationToken)
    {
        lock (_versionsGate)
        {
            if (_durable.GetValueOrDefault(agentId) >= version) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((agentId, version, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Writes the agents with the given ids (unknown ids and agents that never answered are skipped); returns how many were written.</summary>
    public async Task<int> WriteAsync(IReadOnlyCollection<string> agentIds, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var agents = new List<(Feature, AgentCounters)>(agentIds.Count);
            foreach (var id in agentIds)
            {
                if (!AgentId.TryParse(id, out var code) || catalog.Find(code) is not { } feature) continue;
                if (registry.CountersOf(code) is { } counters) agents.Add((feature, counters));
            }
            return await WriteLockedAsync(agents, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Writes every agent that has answered at least once; returns how many were written.</summary>
    public async Task<int> WriteAllAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await WriteLockedAsync(registry.AllCounters(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private async Task<int> WriteLockedAsync(IReadOnlyList<(Feature Feature, AgentCounters Counters)> agents, CancellationToken cancellationToken)
    {
        if (agents.Count == 0) return 0;
        // Versions first, snapshot second: a version read here was marked after its change was made.
        var versions = new List<(string, long)>(agents.Count);
        lock (_versionsGate)
        {
            foreach (var (feature, _) in agents)
            {
                var id = AgentId.For(feature.Code);
                if (_changed.TryGetValue(id, out var version)) versions.Add((id, version));
            }
        }
        var states = new List<AgentStateRecord>(agents.Count);
        var tables = new List<QTableRecord>(agents.Count);
        var trajectories = new List<TrajectoryRecord>();
        foreach (var (feature, counters) in agents)
        {
            var (state, table, agentTrajectories) = AgentStateDocument.ToRecords(feature, counters, registry.LearnerFor(feature.Code), experiences.Recent(feature.Code), _json);
            states.Add(state);
            if (table is not null) tables.Add(table);
            trajectories.AddRange(agentTrajectories);
        }
        await store.WriteAsync(new StoreBatch { AgentStates = states, QTables = tables, Trajectories = trajectories }, cancellationToken).ConfigureAwait(false);
        if (versions.Count > 0) Release(versions);
        return agents.Count;
    }

    private void Release(List<(string AgentId, long Version)> versions)
    {
        var released = new List<TaskCompletionSource>();
        lock (_versionsGate)
        {
            foreach (var (id, version) in versions)
                if (version > _durable.GetValueOrDefault(id)) _durable[id] = version;
            _waiters.RemoveAll(w =>
            {
                if (_durable.GetValueOrDefault(w.AgentId) < w.Version) return false;
                released.Add(w.Done);
                return true;
            });
        }
        foreach (var done in released) done.TrySetResult();
    }
}
