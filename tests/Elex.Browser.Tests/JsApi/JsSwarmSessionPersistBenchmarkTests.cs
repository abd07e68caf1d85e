using System.Text.Json;
using Elex.Browser.IndexedDb;
using Elex.Browser.JsApi;
using Elex.Core.Catalog;
using Elex.Storage;

namespace Elex.Browser.Tests.JsApi;

/// <summary><c>diagnostics.persistAll()</c> measures a batch write of every agent without teaching the user's agents.</summary>
public class JsSwarmSessionPersistBenchmarkTests
{
    private readonly FakeIdbModule _module = new();

    private async Task<IAgentStore> Open(string name) => await IndexedDbAgentStore.OpenAsync(_module, name);

    [Fact]
    public async Task PersistAll_RunsOnAScratchDatabase_AndLeavesTheUsersAgentsAsTheyWere()
    {
        var catalog = SampleCatalog.Load();
        await using var session = await JsSwarmSession.CreateAsync(catalog, """{ "databaseName": "user" }""", Open);
        var answer = JsonDocument.Parse(await session.QueryAsync("""{ "text": "which counters show MSM is working?" }""")).RootElement;
        var before = session.GetAgentStats("FAJ 121 3094");
        var othersBefore = session.Swarm.Registry.AllCounters().Sum(a => a.Counters.Read().Interactions);

        var result = JsonDocument.Parse(await session.BenchmarkPersistAllAsync()).RootElement;

        Assert.Equal(catalog.Count, result.GetProperty("agents").GetInt32());
        Assert.Equal(catalog.Count, result.GetProperty("agentStateRecords").GetInt32());
        Assert.Equal(before, session.GetAgentStats("FAJ 121 3094"));
        Assert.Equal(othersBefore, session.Swarm.Registry.AllCounters().Sum(a => a.Counters.Read().Interactions));
        Assert.Equal("FAJ 121 3094", answer.GetProperty("featureCode").GetString());
        await using var scratch = await Open(JsSwarmSession.ScratchDatabaseName("user"));
        Assert.Equal(catalog.Count, (await scratch.GetStatisticsAsync()).AgentStates.Records);
    }
}
