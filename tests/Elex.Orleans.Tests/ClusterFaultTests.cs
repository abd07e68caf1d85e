using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Orleans.Contracts;
using Elex.Streams.Orleans;

namespace Elex.Orleans.Tests;

/// <summary>Bad input and faults on a running cluster: each is reported clearly and loses nothing acknowledged.</summary>
public sealed class ClusterFaultTests : RunningCluster
{
    [Fact]
    public async Task StorageFault_FeedbackFailsClearly_NothingLearned_AndTheRetryIsDurable()
    {
        var (feature, question) = Catalogs.Questions[3];
        var rated = await _swarm.QueryAsync(new Query(question));
        Assert.Equal(FeedbackStatus.Applied, (await _swarm.FeedbackAsync(new Feedback(rated.ResponseId, null, 1f, true))).Status);
        var response = await _swarm.QueryAsync(new Query(question));

        _cluster.Storage.FailNextWrites(1);
        var failed = await _swarm.FeedbackAsync(new Feedback(response.ResponseId, null, -1f, false));
        var afterFault = await _swarm.GetAgentStatusAsync(feature.Code.Value);
        var retried = await _swarm.FeedbackAsync(new Feedback(response.ResponseId, null, -1f, false));
        // A new activation reads only what the store holds.
        await _cluster.Cluster.DeactivateAsync(_cluster.Cluster.Client.GetGrain<IFeatureAgentGrain>(response.AgentId!));
        var reloaded = await _swarm.GetAgentStatusAsync(feature.Code.Value);

        Assert.Equal(FeedbackStatus.Failed, failed.Status);
        Assert.Contains("could not store", failed.Message, StringComparison.Ordinal);
        Assert.Contains("disk full (injected)", failed.Message, StringComparison.Ordinal);
        Assert.Equal((1L, 1L), (afterFault.Rated, afterFault.Learned));
        Assert.Equal(FeedbackStatus.Applied, retried.Status);
        Assert.Equal((2L, 2L), (reloaded.Rated, reloaded.Learned));
    }

    [Fact]
    public async Task UnknownAgent_ErrorNamesIt()
    {
        var grainError = await Assert.ThrowsAsync<ArgumentException>(() => _swarm.GetAgentStatusAsync("agent-FAJ_999_0000"));
        var feedback = await _swarm.FeedbackAsync(new Feedback(null, "agent-FAJ_999_0000", 1f, true));

        Assert.Contains("agent-FAJ_999_0000", grainError.Message, StringComparison.Ordinal);
        Assert.Equal(FeedbackStatus.UnknownAgent, feedback.Status);
        Assert.Contains("agent-FAJ_999_0000", feedback.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedFeedback_IsRefusedBeforeAndAtTheGrain_NothingLearned()
    {
        var (feature, question) = Catalogs.Questions[4];
        var response = await _swarm.QueryAsync(new Query(question));
        var answered = _swarm.AnsweredBy(response.ResponseId)!;
        var grain = _cluster.Cluster.Client.GetGrain<IFeatureAgentGrain>(answered.AgentId);

        var nan = await _swarm.FeedbackAsync(new Feedback(response.ResponseId, null, float.NaN, true));
        var unknown = await _swarm.FeedbackAsync(new Feedback("r-never-given", null, 1f, true));
        var untargeted = await _swarm.FeedbackAsync(new Feedback(null, null, 1f, true));
        var atGrain = await Assert.ThrowsAsync<ArgumentException>(() => grain.LearnAsync(new AgentFeedback
        {
            ResponseId = response.ResponseId, Reward = 1f, Success = true, LearningState = 123_456, Strategy = answered.Strategy,
        }));
        var status = await _swarm.GetAgentStatusAsync(feature.Code.Value);

        Assert.Equal(FeedbackStatus.InvalidReward, nan.Status);
        Assert.Equal(FeedbackStatus.UnknownResponse, unknown.Status);
        Assert.Contains("r-never-given", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(FeedbackStatus.MissingTarget, untargeted.Status);
        Assert.Contains("Learning state 123456", atGrain.Message, StringComparison.Ordinal);
        Assert.Equal((0L, 0L), (status.Rated, status.Learned));
    }

    [Fact]
    public async Task FeedbackByAgentId_RatesTheAgentsLastAnswer()
    {
        var (feature, question) = Catalogs.Questions[5];
        var response = await _swarm.QueryAsync(new Query(question));

        var result = await _swarm.FeedbackAsync(new Feedback(null, feature.Code.Value, 0.5f, true));

        Assert.Equal(FeedbackStatus.Applied, result.Status);
        Assert.Equal(response.ResponseId, result.ResponseId);
    }
}
