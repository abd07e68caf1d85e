using System.Globalization;
using System.Text;
using System.Text.Json;
using Elex.Browser.IndexedDb;
using Elex.Browser.JsApi;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Storage;
using Elex.Streams;

namespace Elex.Browser.Tests.JsApi;

/// <summary><c>diagnostics.persistAll()</c> measures a batch write of every agent without asking or teaching the user's swarm anything.</summary>
public class JsSwarmSessionPersistBenchmarkTests
{
    private readonly FakeIdbModule _module = new();

    private async Task<IAgentStore> Open(string name) => await IndexedDbAgentStore.OpenAsync(_module, name);

    [Fact]
    public async Task PersistAll_RunsOnAScratchDatabase_AndLeavesEveryAgentsLearningAsItWas()
    {
        var catalog = SampleCatalog.Load();
        await using var session = await JsSwarmSession.CreateAsync(catalog, """{ "databaseName": "user" }""", Open);
        var answer = JsonDocument.Parse(await session.QueryAsync("""{ "text": "which counters show MSM is working?" }""")).RootElement;
        // Learned something, so Q-values and trajectories exist that a stray reward would move.
        await session.FeedbackAsync($$"""{ "responseId": "{{answer.GetProperty("responseId").GetString()}}", "reward": -0.5, "success": false }""");
        var before = Learning(session.Swarm);
        var queriesBefore = session.Swarm.QueryCount;
        var seen = new List<string>();
        using var responses = session.Swarm.Responses.Subscribe(r => seen.Add(r.ResponseId));
        using var feedback = session.Swarm.FeedbackResults.Subscribe(r => seen.Add($"feedback {r.AgentId}"));

        var first = JsonDocument.Parse(await session.BenchmarkPersistAllAsync()).RootElement;
        await session.BenchmarkPersistAllAsync();

        Assert.Equal(before, Learning(session.Swarm));
        Assert.Equal(queriesBefore, session.Swarm.QueryCount);
        Assert.Empty(seen);
        Assert.Equal(catalog.Count, first.GetProperty("agents").GetInt32());
        Assert.Equal(catalog.Count, first.GetProperty("agentStateRecords").GetInt32());
        await using var scratch = await Open(JsSwarmSession.ScratchDatabaseName("user"));
        Assert.Equal(catalog.Count, (await scratch.GetStatisticsAsync()).AgentStates.Records);
    }

    [Fact]
    public async Task PersistAll_WithoutAStore_RejectsWithStoreError()
    {
        await using var session = await JsSwarmSession.CreateAsync(SampleCatalog.Load(), """{ "enableIndexedDB": false }""", Open);

        var error = await Assert.ThrowsAsync<ElexApiException>(session.BenchmarkPersistAllAsync);

        Assert.Equal(ElexErrorCodes.StoreError, error.Code);
    }

    // Every feature's counters and ratings, and every learner's Q-values, visits, ε, success window and trajectories.
    private static string Learning(ElexSwarm swarm)
    {
        var text = new StringBuilder();
        foreach (var feature in swarm.Catalog.Features)
        {
            if (swarm.Registry.CountersOf(feature.Code) is not { } counters) continue;
            text.AppendLine(CultureInfo.InvariantCulture, $"{feature.Code} counters {counters.Read()} ratings {counters.ReadRatings()}");
        }
        foreach (var (code, learner) in swarm.Registry.AllLearners())
        {
            var snapshot = learner.Snapshot();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{code} q [{string.Join(',', snapshot.QValues)}] visits [{string.Join(',', snapshot.Visits)}] ε {snapshot.Epsilon} interactions {snapshot.Interactions} window [{string.Join(',', snapshot.SuccessWindow)}] trajectories [{string.Join(';', snapshot.Trajectories)}] degraded {snapshot.Degraded}");
        }
        return text.ToString();
    }
}
