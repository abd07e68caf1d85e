using System.Collections.Concurrent;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Streams.Orleans;
using Xunit.Abstractions;

namespace Elex.Orleans.Tests;

/// <summary>A silo killed while questions and feedback are in flight.</summary>
public sealed class SiloKillTests(ITestOutputHelper output) : RunningCluster
{
    private const int Agents = 45;
    private const int Rounds = 4;
    private const int KillAfterResponses = 40;

    [Fact]
    public async Task SiloKilledMidTraffic_AgentsReactivateElsewhereWithTheirLearning_NoAcknowledgedFeedbackOrResponseLostOrDuplicated()
    {
        var asked = Catalogs.Questions.Take(Agents).ToList();
        var streamed = new ConcurrentBag<QueryResponse>();
        using var live = _swarm.Responses.Subscribe(streamed.Add);
        var acknowledged = new ConcurrentDictionary<string, int>();
        var answered = new ConcurrentBag<QueryResponse>();
        var feedback = new ConcurrentBag<FeedbackResult>();

        // Every agent answers and learns once, so each silo hosts agents with learned state.
        await Task.WhenAll(asked.Select(q => AskAndRateAsync(q.Question, answered, feedback, acknowledged)));
        var victim = _cluster.Cluster.Silos[^1];
        var victimId = victim.SiloAddress.ToString();
        var onVictim = answered.Select(r => _swarm.AnsweredBy(r.ResponseId)!).Where(a => a.Silo == victimId).Select(a => a.AgentId).Distinct().ToList();
        Assert.NotEmpty(onVictim);

        var enoughTraffic = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = 0;
        using var gate = new SemaphoreSlim(12);
        var traffic = Task.WhenAll(Enumerable.Range(0, Rounds).SelectMany(round => asked.Select(q => (Round: round, q.Question))).Select(async x =>
        {
            // The last round asks only once the silo is gone: however long the kill takes, traffic straddles it.
            if (x.Round == Rounds - 1) await killed.Task;
            await gate.WaitAsync();
            try
            {
                await AskAndRateAsync(x.Question, answered, feedback, acknowledged);
                if (Interlocked.Increment(ref done) == KillAfterResponses) enoughTraffic.TrySetResult();
            }
            finally
            {
                gate.Release();
            }
        }));
        await enoughTraffic.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await _cluster.Cluster.KillSiloAsync(victim);
        killed.TrySetResult();
        output.WriteLine($"kill took {clock.ElapsedMilliseconds} ms");
        // The kill landed mid-traffic: questions and feedback were still to come after the silo was gone.
        var completedAtKill = Volatile.Read(ref done);
        await traffic.WaitAsync(TimeSpan.FromSeconds(90));
        output.WriteLine($"traffic done {clock.ElapsedMilliseconds} ms after the kill began; {completedAtKill} answered at the kill");
        Assert.True(completedAtKill < Rounds * Agents, $"the traffic was over ({completedAtKill} answered) before the silo died");

        var total = Agents * (Rounds + 1);
        Assert.Equal(total, answered.Count);
        Assert.All(answered, r => Assert.Equal(ResponseStatus.Answered, r.Status));
        Assert.Equal(total, answered.Select(r => r.ResponseId).Distinct().Count());
        Assert.Equal(answered.Select(r => r.ResponseId).Order(), streamed.Select(r => r.ResponseId).Order());
        Assert.All(feedback, f => Assert.Equal(FeedbackStatus.Applied, f.Status));
        Assert.Equal(total, acknowledged.Values.Sum());
        foreach (var (agentId, count) in acknowledged)
        {
            var status = await _swarm.GetAgentStatusAsync(agentId);
            Assert.Equal((agentId, (long)count), (agentId, status.Rated));
            Assert.Equal((agentId, (long)count), (agentId, status.Learned));
            Assert.NotEqual(victimId, status.Silo);
        }
        Assert.All(onVictim, agentId => Assert.True(acknowledged[agentId] == Rounds + 1, $"{agentId} lost learning"));
    }

    private async Task AskAndRateAsync(string question, ConcurrentBag<QueryResponse> answered, ConcurrentBag<FeedbackResult> feedback, ConcurrentDictionary<string, int> acknowledged)
    {
        var response = await _swarm.QueryAsync(new Query(question));
        answered.Add(response);
        if (response.Status != ResponseStatus.Answered) return;
        var reward = (response.ResponseId.GetHashCode() & 1) == 0 ? 1f : -0.5f;
        var result = await _swarm.FeedbackAsync(new Feedback(response.ResponseId, null, reward, reward > 0));
        feedback.Add(result);
        if (result.Status == FeedbackStatus.Applied) acknowledged.AddOrUpdate(response.AgentId!, 1, (_, n) => n + 1);
    }
}
