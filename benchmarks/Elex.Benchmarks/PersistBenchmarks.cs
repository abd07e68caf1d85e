using BenchmarkDotNet.Attributes;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Routing;
using Elex.Storage;
using Elex.Streams;
using Elex.Streams.Persistence;

namespace Elex.Benchmarks;

/// <summary>
/// The state of every agent of the catalog (counters, experiences, a Q-table and the trajectories
/// of <see cref="LearnedAgents.LearnsPerAgent"/> feedbacks each) in a real SQLite file in a
/// temporary folder: one batch written over the rows already there (steady state), and everything
/// read back and parsed the way the swarm restores it. Goal: persisting 593 agents in ≤ 50 ms.
/// </summary>
[MemoryDiagnoser]
public class PersistBenchmarks
{
    private readonly SwarmConfig _config = new();
    private FeatureCatalog _catalog = null!;
    private FeatureRouter _router = null!;
    private LearnedAgents _agents = null!;
    private StoreBatch _batch = null!;
    private string _directory = "";
    private SqliteAgentStore _store = null!;
    private ElexSwarm? _swarm;

    /// <summary>Learns every agent, opens the store in a temporary folder and writes the batch once, so later writes replace rows.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _catalog = BenchmarkData.Catalog();
        _router = FeatureRouter.Build(_catalog);
        _agents = LearnedAgents.Build(_catalog, _config.Learning!, seed: 7);
        _batch = _agents.ToBatch();
        _directory = Directory.CreateTempSubdirectory("elex-bench-persist-").FullName;
        _store = SqliteAgentStore.OpenAsync(Path.Combine(_directory, "agents.db")).GetAwaiter().GetResult();
        _store.WriteAsync(_batch).GetAwaiter().GetResult();
        var stats = _store.GetStatisticsAsync().GetAwaiter().GetResult();
        Console.WriteLine($"// Catalog: {_catalog.Count} features ({(BenchmarkData.FullCatalogPath is null ? "embedded sample" : "full catalog")}); "
            + $"batch: {_batch.AgentStates.Count} agent states ({stats.AgentStates.Bytes} B), {_batch.QTables.Count} Q-tables ({stats.QTables.Bytes} B), "
            + $"{_batch.Trajectories.Count} trajectories ({stats.Trajectories.Bytes} B)");
        if (RestoreAsync().GetAwaiter().GetResult() != _catalog.Count) throw new InvalidOperationException("The stored agents did not all restore.");
    }

    /// <summary>Closes the store and deletes the temporary folder.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Writes the prepared batch of all agents in one transaction, replacing the stored rows.</summary>
    [Benchmark]
    public Task PersistAllAgents() => _store.WriteAsync(_batch);

    /// <summary>Snapshots every agent into records (as the swarm's state writer does) and writes them in one transaction.</summary>
    [Benchmark]
    public Task SnapshotAndPersistAllAgents() => _store.WriteAsync(_agents.ToBatch());

    /// <summary>Loads the three stores and rebuilds every agent's counters, experiences and learner, as the swarm's restore does; returns the learners rebuilt.</summary>
    [Benchmark]
    public Task<int> RestoreAllAgents() => RestoreAsync();

    /// <summary>A whole swarm: created over the store (restoring every agent), then persisting all of them in one batch.</summary>
    [Benchmark]
    public async Task SwarmRestoreAndPersist()
    {
        _swarm = await ElexSwarm.CreateAsync(_catalog, _config, _store, router: _router);
        if (_swarm.RestoreProblems.Count > 0) throw new InvalidOperationException(string.Join("; ", _swarm.RestoreProblems));
        await _swarm.PersistAsync();
    }

    /// <summary>Disposes the swarm of the iteration outside the measurement (its dispose persists once more).</summary>
    [IterationCleanup(Target = nameof(SwarmRestoreAndPersist))]
    public void DisposeSwarm()
    {
        // BenchmarkDotNet's iteration hooks are synchronous; the harness may wait here.
        _swarm?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _swarm = null;
    }

    private async Task<int> RestoreAsync()
    {
        var tables = (await _store.LoadQTablesAsync()).ToDictionary(t => t.AgentId, t => t.Data, StringComparer.Ordinal);
        var trajectories = (await _store.LoadTrajectoriesAsync())
            .GroupBy(t => t.AgentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<TrajectoryRecord>)g.ToList(), StringComparer.Ordinal);
        var options = _config.Learning!;
        var experiences = new ExperienceLog();
        var restored = 0;
        foreach (var record in await _store.LoadAgentStatesAsync())
        {
            var (document, error) = AgentStateDocument.Parse(record);
            if (document is null || !FeatureCode.TryParse(document.FeatureCode, out var code)) throw new InvalidOperationException(error ?? record.AgentId);
            new AgentCounters().Restore(document.Interactions, document.Successes, document.LatencySumUs, document.ConfidenceSum, document.LastActive);
            foreach (var experience in document.RestoreExperiences(code)) experiences.Add(experience);
            var learner = document.RestoreLearner(tables[record.AgentId], trajectories.GetValueOrDefault(record.AgentId) ?? [], options);
            if (learner.Interactions > 0) restored++;
        }
        return restored;
    }
}
