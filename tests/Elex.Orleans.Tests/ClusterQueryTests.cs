using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Streams.Orleans;

namespace Elex.Orleans.Tests;

/// <summary>Questions routed in the client and answered by agent grains spread over three silos.</summary>
public sealed class ClusterQueryTests : RunningCluster
{
    [Fact]
    public async Task Queries_SpreadOverSilos_EachAnsweredOnceByItsFeaturesAgent()
    {
        var asked = Catalogs.Questions.Take(60).ToList();
        var streamed = new List<QueryResponse>();
        using var live = _swarm.Responses.Subscribe(r => { lock (streamed) streamed.Add(r); });

        var responses = await Task.WhenAll(asked.Select(q => _swarm.QueryAsync(new Query(q.Question))));

        Assert.All(responses.Zip(asked), pair =>
        {
            Assert.Equal(ResponseStatus.Answered, pair.First.Status);
            Assert.Equal(pair.Second.Feature.Code.Value, pair.First.FeatureCode);
            Assert.Contains(pair.First.Evidence, e => e.StartsWith("routed by", StringComparison.Ordinal));
        });
        Assert.Equal(responses.Length, responses.Select(r => r.ResponseId).Distinct().Count());
        lock (streamed) Assert.Equal(responses.Select(r => r.ResponseId).Order(), streamed.Select(r => r.ResponseId).Order());
        var silos = responses.Select(r => _swarm.AnsweredBy(r.ResponseId)!.Silo).Distinct().ToList();
        Assert.Equal(3, silos.Count);
    }

    [Fact]
    public async Task Feedback_IsLearnedByTheAnsweringGrain_AndReportedOnLearningEvents()
    {
        var (feature, question) = Catalogs.Questions[0];
        var events = new List<FeedbackResult>();
        using var live = _swarm.LearningEvents.Subscribe(events.Add);
        var response = await _swarm.QueryAsync(new Query(question));

        var result = await _swarm.FeedbackAsync(new Feedback(response.ResponseId, null, 0.8f, true));
        var again = await _swarm.FeedbackAsync(new Feedback(response.ResponseId, null, 0.8f, true));

        Assert.Equal(FeedbackStatus.Applied, result.Status);
        Assert.Equal(FeedbackStatus.Applied, again.Status);
        Assert.Contains("already had this rating", again.Message, StringComparison.Ordinal);
        var status = await _swarm.GetAgentStatusAsync(feature.Code.Value);
        Assert.Equal(1, status.Rated);
        Assert.Equal(1, status.Learned);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public async Task Deactivation_StoresAnswerCounts_AndTheNextActivationReadsThem()
    {
        var (feature, question) = Catalogs.Questions[6];
        for (var i = 0; i < 3; i++) await _swarm.QueryAsync(new Query(question));
        var agentId = Elex.Core.Agents.AgentId.For(feature.Code);
        var writesBefore = _cluster.Storage.Writes;

        await _cluster.Cluster.DeactivateAsync(_cluster.Cluster.Client.GetGrain<Contracts.IFeatureAgentGrain>(agentId));
        var status = await _swarm.GetAgentStatusAsync(agentId);

        Assert.Equal(writesBefore + 1, _cluster.Storage.Writes);
        Assert.Equal(3, status.Interactions);
    }

    [Fact]
    public async Task UnsureQuestion_IsAnsweredInTheClient_WithoutAnAgent()
    {
        var response = await _swarm.QueryAsync(new Query("enable the load thing on cell A"));

        Assert.NotEqual(ResponseStatus.Answered, response.Status);
        Assert.Null(response.AgentId);
        Assert.Null(_swarm.AnsweredBy(response.ResponseId));
    }
}
