using Elex.Core.Agents;
using Elex.Core.Catalog;

namespace Elex.Core.Tests.Agents;

public class AgentRegistryTests
{
    private static readonly FeatureCatalog Sample = SharedData.SampleCatalogInstance;

    [Fact]
    public void Get_CreatesOnceThenHits()
    {
        var registry = new AgentRegistry(Sample, maxAgents: 3);
        var a = registry.Get(0);
        Assert.Same(a, registry.Get(0));
        Assert.Equal(new RegistryStats(Sample.Count, 1, 1, 1, 0, 3), registry.Stats());
    }

    [Fact]
    public void Get_BeyondMax_EvictsLeastRecentlyUsed()
    {
        var registry = new AgentRegistry(Sample, maxAgents: 2);
        var evicted = new List<string>();
        registry.Evicted += a => evicted.Add(a.Id);
        var first = registry.Get(0);
        registry.Get(1);
        registry.Get(0); // 0 is now more recent than 1
        registry.Get(2);
        Assert.Equal([AgentId.For(Sample[1].Code)], evicted);
        Assert.Equal(AgentLifecycle.ColdStart, first.Lifecycle);
        Assert.Equal(1, registry.Stats().Evictions);
        Assert.Equal(2, registry.Stats().Loaded);
    }

    [Fact]
    public void LifecycleOf_AnAgentNotLoaded_IsWhatItsExperienceMakesIt_NotOffline()
    {
        var registry = new AgentRegistry(Sample, maxAgents: 1, coldStartThreshold: 2);
        var code = Sample[0].Code;
        Assert.Equal(AgentLifecycle.ColdStart, registry.LifecycleOf(code));
        registry.CountersFor(code).Restore(2, 2, 0, 0, DateTimeOffset.UnixEpoch);
        Assert.Null(registry.Peek(code));
        Assert.Equal(AgentLifecycle.Ready, registry.LifecycleOf(code));
    }

    [Fact]
    public void Evicted_ThenRecreated_KeepsItsCounters()
    {
        var registry = new AgentRegistry(Sample, maxAgents: 1);
        registry.Get(0).RecordInteraction(5, 1, true, DateTimeOffset.UnixEpoch);
        registry.Get(1);
        Assert.Equal(1, registry.Get(0).Snapshot().Interactions);
    }

    [Fact]
    public void Preload_LoadsUpToCapacity()
    {
        var registry = new AgentRegistry(Sample, maxAgents: 5);
        Assert.Equal(5, registry.Preload(Sample.Features.Select(f => f.Code)));
        Assert.Equal(5, registry.Stats().Loaded);
        Assert.Equal(0, registry.Stats().Evictions);
    }

    [Fact]
    public void Get_UnknownOrdinal_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AgentRegistry(Sample).Get(9999));
        Assert.Contains("9999", e.Message);
    }

    [Fact]
    public async Task ConcurrentGets_NeverExceedMaxAndCountEveryLookup()
    {
        var registry = new AgentRegistry(Sample, maxAgents: 8);
        const int perTask = 2000;
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            var random = new Random(t);
            for (var i = 0; i < perTask; i++)
            {
                var agent = registry.Get(random.Next(Sample.Count));
                Assert.NotNull(agent);
            }
        }));
        await Task.WhenAll(tasks);
        var stats = registry.Stats();
        Assert.Equal(8 * perTask, stats.Hits + stats.Misses);
        Assert.True(stats.Loaded <= 8);
        Assert.Equal(stats.Misses - stats.Loaded, stats.Evictions);
        Assert.Equal(stats.Loaded, registry.LoadedAgents().Count);
    }
}
