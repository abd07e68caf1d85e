using System.Runtime.CompilerServices;
using Elex.Benchmarks.Reporting;
using Elex.Core.Agents;
using Elex.Core.Learning;
using Elex.Core.Routing;
using Elex.Streams;

namespace Elex.Benchmarks.Scaling;

/// <summary>
/// The <c>agents</c> mode: managed memory with every agent of the catalog loaded — a registry of
/// fresh agents, the same after 100 learned feedbacks each, and a whole <see cref="ElexSwarm"/>
/// (catalog, router, pipeline, all agents preloaded). Goal: all 593 agents within 64 MB.
/// </summary>
public static class AgentMemoryReport
{
    /// <summary>Measures and writes the table.</summary>
    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var catalog = BenchmarkData.Catalog();
        var codes = catalog.Features.Select(f => f.Code).ToArray();
        var options = new QLearningOptions();
        var table = new MarkdownTable("what", "agents", "managed MB", "bytes per agent");
        void Row(string what, long bytes) => table.Row(what, $"{catalog.Count}", $"{bytes / 1e6:0.00}", $"{bytes / catalog.Count:N0}");

        // One-time statics (type initialisers, default safe zones, pools) are not per-agent memory.
        new AgentRegistry(catalog, maxAgents: 4, learning: options).Preload(codes.Take(4));
        var before = ManagedMemory.Measure();
        var fresh = new AgentRegistry(catalog, maxAgents: catalog.Count, learning: options);
        var loaded = fresh.Preload(codes);
        if (loaded != catalog.Count) throw new InvalidOperationException($"Only {loaded} of {catalog.Count} agents loaded.");
        Row("registry, every agent loaded, fresh (counters + empty Q-learner)", ManagedMemory.Measure() - before);
        GC.KeepAlive(fresh);
        fresh = null;

        before = ManagedMemory.Measure();
        var learned = LearnedAgents.Build(catalog, options, seed: 1);
        var registry = new AgentRegistry(catalog, maxAgents: catalog.Count, learning: options);
        for (var a = 0; a < codes.Length; a++) registry.RestoreLearner(codes[a], learned.Learners[a]);
        registry.Preload(codes);
        Row($"registry, every agent loaded after {LearnedAgents.LearnsPerAgent} learned feedbacks each (Q-table, replay buffer, experience log)", ManagedMemory.Measure() - before);
        GC.KeepAlive(registry);
        GC.KeepAlive(learned);
        registry = null;
        learned = null;

        var router = FeatureRouter.Build(catalog);
        before = ManagedMemory.Measure();
        await using (var swarm = await ElexSwarm.CreateAsync(catalog, new SwarmConfig { MaxAgents = catalog.Count, LazyLoading = false }, router: router))
        {
            Row("ElexSwarm (pipeline, telemetry, sync identity) with every agent preloaded, router excluded", ManagedMemory.Measure() - before);
            GC.KeepAlive(swarm);
        }
        GC.KeepAlive(router);
        router = null;

        before = ManagedMemory.Measure();
        var all = BenchmarkData.Catalog();
        await using (var swarm = await ElexSwarm.CreateAsync(all, new SwarmConfig { MaxAgents = all.Count, LazyLoading = false }, router: FeatureRouter.Build(all)))
        {
            Row("everything: catalog + router + ElexSwarm + every agent", ManagedMemory.Measure() - before);
            GC.KeepAlive(swarm);
        }
        table.WriteTo(output);
        output.WriteLine($"A Q-learner preallocates its replay ring: ReplayCapacity {options.ReplayCapacity} × {Unsafe.SizeOf<Trajectory>()} B per trajectory = {options.ReplayCapacity * Unsafe.SizeOf<Trajectory>():N0} B per agent.");
        output.WriteLine("Goal: all 593 agents loaded ≤ 64 MB (managed heap after a full collection, GC.GetTotalMemory).");
    }
}
