using Elex.Storage;

namespace Elex.Streams.Tests;

public class SwarmPersistenceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"elex-swarm-{Guid.NewGuid():N}");

    private string StorePath => Path.Combine(_dir, "elex.db");

    public SwarmPersistenceTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private async Task<ElexSwarm> Start(IAgentStore store) =>
        await ElexSwarm.CreateAsync(TestCatalog.Sample, new SwarmConfig(), store, router: TestCatalog.Router);

    [Fact]
    public async Task AgentCounters_SurviveARestart()
    {
        await using (var store = await SqliteAgentStore.OpenAsync(StorePath))
        {
            var swarm = await Start(store);
            await swarm.QueryAsync("what is MSM?");
            await swarm.QueryAsync("MSM counters");
            await swarm.DisposeAsync();
        }
        await using (var store = await SqliteAgentStore.OpenAsync(StorePath))
        {
            await using var swarm = await Start(store);
            var stats = swarm.GetAgentStats("FAJ 121 3094")!;
            Assert.Equal((2L, 2L), (stats.Interactions, stats.Successes));
            Assert.Empty(swarm.RestoreProblems);
        }
    }

    [Fact]
    public async Task CorruptRecord_IsReportedByName_AndTheRestLoads()
    {
        await using var store = await SqliteAgentStore.OpenAsync(StorePath);
        var seed = await Start(store);
        await seed.QueryAsync("what is MSM?");
        await seed.DisposeAsync();
        await store.WriteAsync(new StoreBatch { AgentStates = [new AgentStateRecord("agent-FAJ_121_3009", "{ not json")] });

        await using var swarm = await Start(store);
        var problem = Assert.Single(swarm.RestoreProblems);
        Assert.Contains("agent-FAJ_121_3009", problem);
        Assert.Equal(1, swarm.GetAgentStats("FAJ 121 3094")!.Interactions);
        var answer = await swarm.QueryAsync("IFLB parameters");
        Assert.Equal("FAJ 121 3009", answer.FeatureCode);
    }

    [Fact]
    public async Task PersistAsync_WritesOneStateRecordPerAgentThatAnswered()
    {
        await using var store = await SqliteAgentStore.OpenAsync(StorePath);
        await using var swarm = await Start(store);
        await swarm.QueryAsync("what is MSM?");
        await swarm.QueryAsync("what is IFLB?");
        await swarm.PersistAsync();
        var states = await store.LoadAgentStatesAsync();
        Assert.Equal(["agent-FAJ_121_3009", "agent-FAJ_121_3094"], states.Select(s => s.AgentId));
    }
}
