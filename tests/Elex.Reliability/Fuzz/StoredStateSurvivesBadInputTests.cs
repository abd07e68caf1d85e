using System.Text.Json;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Reliability.Support;
using Elex.Storage;
using Elex.Streams;

namespace Elex.Reliability.Fuzz;

/// <summary>
/// Nothing stored is lost: a swarm with a real SQLite store learns, persists, is then fed bad
/// queries and bad feedback, and restarts — the learned Q-table, visits and counters are intact.
/// </summary>
public class StoredStateSurvivesBadInputTests
{
    private const int Lessons = 5;
    private static readonly SwarmConfig Config = new() { Learning = new QLearningOptions { Seed = 5 } };

    [Fact]
    public async Task Swarm_BadQueriesAndFeedback_ThenRestart_LearnedStateIntact()
    {
        using var data = new TempDirectory("elex-bad-input");
        string responseId;
        (float[] Values, int[] Visits) learned;
        long interactions;
        await using (var store = await SqliteAgentStore.OpenAsync(data.StoreFile))
        {
            await using var swarm = await Sample.NewSwarmAsync(store, Config);
            // One lesson per response: a response rated again replaces its rating instead of adding one.
            responseId = "";
            for (var i = 0; i < Lessons; i++)
            {
                responseId = (await swarm.QueryAsync("Which counters show MSM is working?")).ResponseId;
                Assert.Equal(FeedbackStatus.Applied, (await swarm.FeedbackAsync(Feedback.ForResponse(responseId, 0.75f, true))).Status);
            }
            await swarm.PersistAsync();
            learned = await StoredTable(store);
            Assert.Equal(Lessons, learned.Visits.Sum());
            interactions = swarm.GetAgentStats(Sample.MsmAgent)!.Interactions;

            foreach (var text in BadQueries())
            {
                var response = await swarm.QueryAsync(new Query(text)).WaitAsync(TimeSpan.FromSeconds(60));
                Assert.NotNull(response.ResponseId);
            }
            foreach (var feedback in BadFeedback(responseId))
            {
                var result = await swarm.FeedbackAsync(feedback).WaitAsync(TimeSpan.FromSeconds(60));
                Assert.True(!result.Applied, $"bad feedback {feedback} was applied");
            }
        }

        await using (var store = await SqliteAgentStore.OpenAsync(data.StoreFile))
        {
            var stored = await StoredTable(store);
            Assert.Equal(learned.Visits, stored.Visits);
            Assert.Equal(learned.Values, stored.Values);
            await using var swarm = await Sample.NewSwarmAsync(store, Config);
            Assert.Empty(swarm.RestoreProblems);
            Assert.True(swarm.GetAgentStats(Sample.MsmAgent)!.Interactions >= interactions);
            // The response from before the restart still teaches its agent: the experience survived too.
            Assert.Equal(FeedbackStatus.Applied, (await swarm.FeedbackAsync(Feedback.ForResponse(responseId, 0.5f, true))).Status);
        }
    }

    [Fact]
    public async Task Cli_GeneratedBadLines_ThenRestart_AcknowledgedFeedbackIntact()
    {
        using var data = new TempDirectory("elex-bad-lines");
        var questions = string.Concat(Enumerable.Range(0, Lessons).Select(i => $$"""{"id":"q{{i}}","text":"which counters show MSM is working?"}""" + "\n"));
        var (_, first, _) = await InProcessElex.RunAsync(questions, "ask", "--jsonl", "--data", data.Path);
        // One lesson per response: a response rated again replaces its rating instead of adding one.
        var lessons = string.Concat(InProcessElex.Lines(first).Select((line, i) =>
            JsonSerializer.Serialize(new { id = $"f{i}", feedback = new { responseId = JsonDocument.Parse(line).RootElement.GetProperty("responseId").GetString(), reward = 0.5, success = true } }) + "\n"));
        var (_, acks, _) = await InProcessElex.RunAsync(lessons, "ask", "--jsonl", "--data", data.Path);
        Assert.All(InProcessElex.Lines(acks), line => Assert.True(JsonDocument.Parse(line).RootElement.GetProperty("durable").GetBoolean(), line));

        var seed = ReliabilityRun.Seed ^ 0xbad;
        var generator = new JsonlLineGenerator(seed);
        var bad = Enumerable.Range(0, 20_000).Select(_ => generator.Next()).Where(c => c.Expect == JsonlExpectation.Error).Take(400).ToList();
        var (exit, output, error) = await InProcessElex.RunAsync(string.Join('\n', bad.Select(c => c.Line)) + "\n", "ask", "--jsonl", "--data", data.Path);
        Assert.True(exit == 0 && InProcessElex.Lines(output).Length == bad.Count, $"exit {exit}, stderr {error} {ReliabilityRun.Reproduce(seed)}");

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var store = await SqliteAgentStore.OpenAsync(data.StoreFile);
        Assert.Equal(Lessons, (await StoredTable(store)).Visits.Sum());
    }

    private static async Task<(float[] Values, int[] Visits)> StoredTable(IAgentStore store) =>
        QTable.FromBytes(Assert.Single(await store.LoadQTablesAsync(), t => t.AgentId == Sample.MsmAgent).Data).Snapshot();

    private static IEnumerable<string> BadQueries() =>
    [
        "", "   ", "\t\n", "\uD800", "MSM \uDC00 counters", "\0\0\0", "\u0001\u0002 what", new string('x', 1_000_000),
        string.Concat(Enumerable.Repeat("{[", 5_000)), "FAJ 121 3094 FAJ 121 3094 FAJ 121 3094", "set sleepMode to 99999999999999999999999 on cell X",
        "cmedit set * FeatureState.featureState=ACTIVATED; rm -rf /", "\u202E\u2066 RTL override",
    ];

    private static IEnumerable<Feedback> BadFeedback(string responseId) =>
    [
        Feedback.ForResponse(responseId, float.NaN, true), Feedback.ForResponse(responseId, float.PositiveInfinity, true),
        Feedback.ForResponse(responseId, float.NegativeInfinity, false), Feedback.ForResponse(responseId, 1.0001f, true),
        Feedback.ForResponse(responseId, -2f, false), Feedback.ForResponse(responseId, float.MaxValue, true),
        Feedback.ForResponse("r-000000-1", 0.5f, true), Feedback.ForResponse("", 0.5f, true), Feedback.ForResponse("\uD800", 0.5f, true),
        Feedback.ForAgent("FAJ 999 9999", 0.5f, true), Feedback.ForAgent("agent-", 0.5f, true), Feedback.ForAgent("💥", 0.5f, true),
        Feedback.ForAgent(Sample.MsmAgent, float.NaN, true), new Feedback(null, null, 0.5f, true), new Feedback("  ", " ", 0.5f, true),
        new Feedback(new string('r', 100_000), null, 0.5f, true),
    ];
}
