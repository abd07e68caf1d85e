using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Storage;

namespace Elex.Streams.Tests;

/// <summary>
/// What "success" means through the whole swarm: an answer is a success until a rating says it
/// failed; each response has one rating (a second replaces the first); agent stats, swarm stats,
/// retained metrics and the live latency window all follow the rating in effect — on a real SQLite
/// file where a restart is involved.
/// </summary>
public sealed class SwarmRatingTests : IDisposable
{
    private static readonly FeatureCode Msm = FeatureCode.Parse("FAJ 121 3094");
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"elex-rating-{Guid.NewGuid():N}");

    public SwarmRatingTests() => Directory.CreateDirectory(_dir);

    private string StorePath => Path.Combine(_dir, "elex.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private Task<ElexSwarm> Start(IAgentStore store) =>
        ElexSwarm.CreateAsync(TestCatalog.Sample, new SwarmConfig(), store, router: TestCatalog.Router);

    [Fact]
    public async Task FourAnswersRatedWrong_AreNoSuccess_AnywhereTheSwarmCounts()
    {
        await using var swarm = await TestCatalog.NewSwarmAsync();
        for (var i = 0; i < 4; i++)
        {
            var response = await swarm.QueryAsync("Which counters show MSM is working?");
            Assert.True((await swarm.FeedbackAsync(Feedback.ForResponse(response.ResponseId, -1f, success: false))).Applied);
        }
        var agent = swarm.GetAgentStats(Msm.Value)!;
        Assert.Equal((4L, 0L, 0.0, 4L, 4L), (agent.Interactions, agent.Successes, agent.SuccessRate, agent.Rated, agent.RatedUnsuccessful));
        var stats = swarm.GetSwarmStats();
        Assert.Equal((4L, 0L), (stats.TotalQueries, stats.TotalSuccesses));
        Assert.Equal(0.0, stats.Latency.SuccessRate);
        Assert.All(swarm.Telemetry.All(), m => Assert.False(m.Success));
    }

    [Fact]
    public async Task OneResponseRatedTwice_IsLearnedOnce_AndTheSecondRatingWins()
    {
        await using var swarm = await TestCatalog.NewSwarmAsync();
        var response = await swarm.QueryAsync("Which counters show MSM is working?");
        var first = await swarm.FeedbackAsync(Feedback.ForResponse(response.ResponseId, -1f, success: false));
        var second = await swarm.FeedbackAsync(Feedback.ForResponse(response.ResponseId, 1f, success: true));

        Assert.Null(first.Replaced);
        Assert.Equal(-1f, second.Replaced!.Value.Reward);
        Assert.Contains("replacing the earlier rating", second.Message);
        var learner = swarm.Registry.LearnerFor(Msm)!;
        Assert.Equal(1, learner.Interactions);
        Assert.Equal(1, learner.TrajectoryCount);
        var agent = swarm.GetAgentStats(Msm.Value)!;
        Assert.Equal((1L, 1L, 1L, 0L), (agent.Interactions, agent.Successes, agent.Rated, agent.RatedUnsuccessful));
        Assert.Equal(1L, swarm.GetSwarmStats().TotalSuccesses);
        Assert.Equal(1.0, swarm.GetSwarmStats().Latency.SuccessRate);
        var metric = Assert.Single(swarm.Telemetry.All());
        Assert.True(metric.Success);
        Assert.Equal((response.QueryId, response.ResponseId), (metric.QueryId, metric.ResponseId));
    }

    [Fact]
    public async Task ARatingFromAnEarlierRun_IsReplacedAfterARestart_NotAddedTo()
    {
        string responseId;
        await using (var store = await SqliteAgentStore.OpenAsync(StorePath))
        await using (var swarm = await Start(store))
        {
            responseId = (await swarm.QueryAsync("Which counters show MSM is working?")).ResponseId;
            await swarm.FeedbackAsync(Feedback.ForResponse(responseId, -1f, success: false));
        }
        await using (var store = await SqliteAgentStore.OpenAsync(StorePath))
        await using (var swarm = await Start(store))
        {
            Assert.Empty(swarm.RestoreProblems);
            Assert.Equal((0L, 1L, 1L), swarm.GetAgentStats(Msm.Value) is var s ? (s!.Successes, s.Rated, s.RatedUnsuccessful) : default);
            var again = await swarm.FeedbackAsync(Feedback.ForResponse(responseId, 1f, success: true));
            Assert.True(again.FromEarlierRun);
            Assert.NotNull(again.Replaced);
            Assert.Equal(1, swarm.Registry.LearnerFor(Msm)!.Interactions);
            var agent = swarm.GetAgentStats(Msm.Value)!;
            Assert.Equal((1L, 1L, 1L, 0L), (agent.Interactions, agent.Successes, agent.Rated, agent.RatedUnsuccessful));
            // This run answered nothing, so its own count is untouched by a rating of an earlier answer.
            Assert.Equal((0L, 0L), (swarm.GetSwarmStats().TotalQueries, swarm.GetSwarmStats().TotalSuccesses));
        }
    }

    [Fact]
    public async Task AfterLearning_AnAgentNotLoaded_ShowsItsLifecycle_NotOffline()
    {
        string responseId;
        await using (var store = await SqliteAgentStore.OpenAsync(StorePath))
        await using (var swarm = await Start(store))
            responseId = (await swarm.QueryAsync("what is MSM?")).ResponseId;
        await using (var store = await SqliteAgentStore.OpenAsync(StorePath))
        await using (var swarm = await Start(store))
        {
            Assert.True((await swarm.FeedbackAsync(Feedback.ForResponse(responseId, -1f, success: false))).Applied);
            Assert.Null(swarm.Registry.Peek(Msm));
            Assert.Equal(AgentLifecycle.ColdStart, swarm.GetAgentStats(Msm.Value)!.Lifecycle);
        }
    }

    [Fact]
    public async Task ADocumentWrittenBeforeRatingsWereKept_StillLoads_AndItsAnswersCanBeRated()
    {
        const string older = """{"agentId":"agent-FAJ_121_3094","featureCode":"FAJ 121 3094","interactions":3,"successes":3,"latencySumUs":300,"confidenceSum":2.7,"lastActive":"2025-01-01T00:00:00+00:00","learner":null,"experiences":[{"responseId":"r-old-1","state":0,"action":0,"timestamp":1}]}""";
        await using (var store = await SqliteAgentStore.OpenAsync(StorePath))
            await store.WriteAsync(new StoreBatch { AgentStates = [new AgentStateRecord("agent-FAJ_121_3094", older)] });
        await using (var store = await SqliteAgentStore.OpenAsync(StorePath))
        await using (var swarm = await Start(store))
        {
            Assert.Empty(swarm.RestoreProblems);
            var before = swarm.GetAgentStats(Msm.Value)!;
            Assert.Equal((3L, 3L, 0L), (before.Interactions, before.Successes, before.Rated));
            var rated = await swarm.FeedbackAsync(Feedback.ForResponse("r-old-1", -1f, success: false));
            Assert.True(rated.Applied, rated.Message);
            Assert.Null(rated.Replaced);
            var after = swarm.GetAgentStats(Msm.Value)!;
            Assert.Equal((3L, 2L, 1L, 1L), (after.Interactions, after.Successes, after.Rated, after.RatedUnsuccessful));
        }
    }
}
