using Elex.Core.Agents;
using Elex.Core.Learning;
using Elex.Storage;

namespace Elex.Streams.Tests;

public class SwarmLearningTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"elex-learn-{Guid.NewGuid():N}");

    public SwarmLearningTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    // Greedy and seeded: the first answer is DirectAnswer (all Q values start at 0).
    private static SwarmConfig Greedy => new() { Learning = new QLearningOptions { Epsilon = 0, MinEpsilon = 0, Seed = 7 } };

    [Fact]
    public async Task Feedback_ByResponseId_UpdatesTheAgentsQValue()
    {
        await using var swarm = await TestCatalog.NewSwarmAsync(Greedy);
        var results = new List<FeedbackResult>();
        using var _ = swarm.FeedbackResults.Subscribe(results.Add);
        var response = await swarm.QueryAsync("Which counters show MSM is working?");
        Assert.Equal(ResponseAction.DirectAnswer, response.Strategy);
        var state = response.LearningState!.Value;

        var result = await swarm.FeedbackAsync(Feedback.ForResponse(response.ResponseId, 1f, success: true));

        Assert.Equal(FeedbackStatus.Applied, result.Status);
        Assert.Equal("agent-FAJ_121_3094", result.AgentId);
        var learner = swarm.Registry.LearnerFor(Elex.Core.Catalog.FeatureCode.Parse("FAJ 121 3094"))!;
        Assert.True(learner.QValue(state, ResponseAction.DirectAnswer) > 0);
        Assert.Equal(1, learner.Interactions);
        Assert.Same(result, Assert.Single(results));
        var stats = swarm.GetAgentStats("FAJ 121 3094")!;
        Assert.Equal((1, 1), (stats.QTableEntries, stats.TrajectoryCount));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Feedback_ReachesAgentStates_AsAChangeSet_BeforeItsResult(bool byResponse)
    {
        await using var swarm = await TestCatalog.NewSwarmAsync(Greedy);
        var response = await swarm.QueryAsync("Which counters show MSM is working?");
        var seen = new List<string>();
        using var states = swarm.AgentStates.Subscribe(changes =>
        {
            foreach (var change in changes)
                if (change.Key == response.AgentId) lock (seen) seen.Add($"state: {change.Current.QTableEntries} learned");
        });
        using var results = swarm.FeedbackResults.Subscribe(r => { lock (seen) seen.Add($"result: {r.Status}"); });

        await swarm.FeedbackAsync(byResponse ? Feedback.ForResponse(response.ResponseId, 1f, success: true) : Feedback.ForAgent(response.AgentId!, 1f, success: true));

        // The snapshot on subscribe, then what learning did, then the result: no need to re-read the agent.
        Assert.Equal(["state: 0 learned", "state: 1 learned", "result: Applied"], seen);
    }

    [Fact]
    public async Task Feedback_OnAnEvictedAgent_StillReachesAgentStates()
    {
        await using var swarm = await TestCatalog.NewSwarmAsync(Greedy with { MaxAgents = 1 });
        var response = await swarm.QueryAsync("Which counters show MSM is working?");
        await swarm.QueryAsync("Which parameters does IFLB use?");
        Assert.Null(swarm.Registry.Peek(Elex.Core.Catalog.FeatureCode.Parse("FAJ 121 3094")));
        var learned = new List<int>();
        using var states = swarm.AgentStates.Subscribe(changes =>
        {
            foreach (var change in changes)
                if (change.Key == response.AgentId) lock (learned) learned.Add(change.Current.QTableEntries);
        });

        await swarm.FeedbackAsync(Feedback.ForResponse(response.ResponseId, 1f, success: true));

        Assert.Equal([0, 1], learned);
    }

    [Fact]
    public async Task Feedback_ByAgentId_TeachesItsLastAnswer()
    {
        await using var swarm = await TestCatalog.NewSwarmAsync(Greedy);
        await swarm.QueryAsync("what is IFLB?");
        var result = await swarm.FeedbackAsync(Feedback.ForAgent("FAJ 121 3009", -0.5f, success: false));
        Assert.Equal(FeedbackStatus.Applied, result.Status);
        Assert.Equal(1, swarm.Registry.LearnerFor(Elex.Core.Catalog.FeatureCode.Parse("FAJ 121 3009"))!.Interactions);
    }

    [Theory]
    [InlineData("r-unknown", null, 1f, FeedbackStatus.UnknownResponse)]
    [InlineData(null, "FAJ 999 9999", 1f, FeedbackStatus.UnknownAgent)]
    [InlineData(null, "FAJ 121 3009", 1f, FeedbackStatus.UnknownAgent)] // known feature, has not answered
    [InlineData(null, null, 1f, FeedbackStatus.MissingTarget)]
    [InlineData("any", null, 1.5f, FeedbackStatus.InvalidReward)]
    [InlineData("any", null, float.NaN, FeedbackStatus.InvalidReward)]
    public async Task BadFeedback_SaysWhyAndChangesNothing(string? responseId, string? agentId, float reward, FeedbackStatus expected)
    {
        await using var swarm = await TestCatalog.NewSwarmAsync(Greedy);
        await swarm.QueryAsync("what is MSM?");
        var result = await swarm.FeedbackAsync(new Feedback(responseId, agentId, reward, true));
        Assert.Equal(expected, result.Status);
        Assert.Contains("nothing was learned", result.Message);
        Assert.Equal(0, swarm.Registry.LearnerFor(Elex.Core.Catalog.FeatureCode.Parse("FAJ 121 3094"))!.Interactions);
    }

    [Fact]
    public async Task NegativeFeedback_MakesTheAgentDegraded_AndPositiveRecoversIt()
    {
        await using var swarm = await TestCatalog.NewSwarmAsync(Greedy with { ColdStartThreshold = 0 });
        for (var i = 0; i < 12; i++)
        {
            var r = await swarm.QueryAsync("what is MSM?");
            await swarm.FeedbackAsync(Feedback.ForResponse(r.ResponseId, -1f, success: false));
        }
        Assert.Equal(AgentLifecycle.Degraded, swarm.GetAgentStats("FAJ 121 3094")!.Lifecycle);
        for (var i = 0; i < 40; i++)
        {
            var r = await swarm.QueryAsync("what is MSM?");
            await swarm.FeedbackAsync(Feedback.ForResponse(r.ResponseId, 1f, success: true));
        }
        Assert.Equal(AgentLifecycle.Ready, swarm.GetAgentStats("FAJ 121 3094")!.Lifecycle);
    }

    [Fact]
    public async Task Learning_SurvivesARestart_IncludingFeedbackOnAnEarlierResponse()
    {
        var path = Path.Combine(_dir, "elex.db");
        string laterResponse;
        float learned;
        Elex.Core.Learning.LearningState state;
        await using (var store = await SqliteAgentStore.OpenAsync(path))
        {
            var swarm = await ElexSwarm.CreateAsync(TestCatalog.Sample, Greedy, store, router: TestCatalog.Router);
            var first = await swarm.QueryAsync("Which counters show MSM is working?");
            state = first.LearningState!.Value;
            await swarm.FeedbackAsync(Feedback.ForResponse(first.ResponseId, 1f, true));
            laterResponse = (await swarm.QueryAsync("Which counters show MSM is working?")).ResponseId;
            learned = swarm.Registry.LearnerFor(Elex.Core.Catalog.FeatureCode.Parse("FAJ 121 3094"))!.QValue(state, ResponseAction.DirectAnswer);
            await swarm.DisposeAsync();
        }
        await using (var store = await SqliteAgentStore.OpenAsync(path))
        {
            await using var swarm = await ElexSwarm.CreateAsync(TestCatalog.Sample, Greedy, store, router: TestCatalog.Router);
            Assert.Empty(swarm.RestoreProblems);
            var learner = swarm.Registry.LearnerFor(Elex.Core.Catalog.FeatureCode.Parse("FAJ 121 3094"))!;
            Assert.Equal(learned, learner.QValue(state, ResponseAction.DirectAnswer));
            Assert.Equal(1, learner.TrajectoryCount);
            var result = await swarm.FeedbackAsync(Feedback.ForResponse(laterResponse, 1f, true));
            Assert.Equal(FeedbackStatus.Applied, result.Status);
            Assert.Equal(2, learner.Interactions);
        }
    }

    [Fact]
    public async Task LearningOff_AnswersDirectlyAndFeedbackSaysSo()
    {
        await using var swarm = await TestCatalog.NewSwarmAsync(new SwarmConfig { Learning = null });
        var response = await swarm.QueryAsync("what is MSM?");
        Assert.Equal(ResponseAction.DirectAnswer, response.Strategy);
        Assert.Null(response.LearningState);
        var result = await swarm.FeedbackAsync(Feedback.ForResponse(response.ResponseId, 1, true));
        Assert.NotEqual(FeedbackStatus.Applied, result.Status);
    }
}
