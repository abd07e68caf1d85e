using System.Reactive.Linq;
using Elex.Core.Agents;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Streams.Pipeline;
using Elex.Core.Telemetry;
using Elex.Streams.Tests.Cache;

namespace Elex.Streams.Tests;

public class ElexSwarmTests
{
    private static Task<ElexSwarm> NewSwarmAsync(SwarmConfig? config = null) => TestCatalog.NewSwarmAsync(config);

    [Fact]
    public async Task QueryAsync_AnswersFromTheRightAgentWithEvidence()
    {
        await using var swarm = await NewSwarmAsync();
        var response = await swarm.QueryAsync("Which counters show MSM is working?");
        Assert.Equal(ResponseStatus.Answered, response.Status);
        Assert.Equal("FAJ 121 3094", response.FeatureCode);
        Assert.Equal("agent-FAJ_121_3094", response.AgentId);
        Assert.Equal(QueryType.Counter, response.QueryType);
        Assert.Contains(response.Evidence, e => e.StartsWith("counter ", StringComparison.Ordinal));
        Assert.True(response.LatencyUs >= 0);
    }

    [Fact]
    public async Task Responses_IsHotSharedAndInSubmissionOrder()
    {
        await using var swarm = await NewSwarmAsync();
        var first = new List<string>();
        var second = new List<string>();
        using var a = swarm.Responses.Subscribe(r => first.Add(r.QueryId));
        using var b = swarm.Responses.Subscribe(r => second.Add(r.QueryId));
        var ids = Enumerable.Range(0, 50).Select(i => $"q{i}").ToList();
        var tasks = ids.Select(id => swarm.QueryAsync(new Query("what is MSM?", id: id))).ToList();
        await Task.WhenAll(tasks);
        Assert.Equal(ids, first);
        Assert.Equal(ids, second);
    }

    [Fact]
    public async Task ConcurrentProducers_EveryQueryAnsweredExactlyOnce()
    {
        await using var swarm = await NewSwarmAsync(new SwarmConfig { IngressCapacity = 8, MaxAgents = 4 });
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var _ = swarm.Responses.Subscribe(r => seen.Add(r.QueryId));
        var questions = new[] { "MSM counters", "IFLB parameters", "how to activate carrier aggregation", "VoLTE prescheduling", "uplink CA not working" };
        var producers = Enumerable.Range(0, 8).Select(p => Task.Run(async () =>
        {
            var answers = new List<QueryResponse>();
            for (var i = 0; i < 100; i++) answers.Add(await swarm.QueryAsync(new Query(questions[(p + i) % questions.Length], id: $"p{p}-{i}")));
            return answers;
        })).ToList();
        var all = (await Task.WhenAll(producers)).SelectMany(r => r).ToList();
        Assert.Equal(800, all.Count);
        Assert.All(all, r => Assert.Equal(ResponseStatus.Answered, r.Status));
        Assert.Equal(800, seen.Distinct().Count());
        Assert.Equal(800, seen.Count);
        Assert.True(swarm.Registry.Stats().Loaded <= 4);
    }

    [Fact]
    public async Task FailingQuery_YieldsErrorResponse_AndTheStreamGoesOn()
    {
        await using var swarm = await NewSwarmAsync();
        var statuses = new List<ResponseStatus>();
        Exception? streamError = null;
        using var _ = swarm.Responses.Subscribe(r => statuses.Add(r.Status), e => streamError = e);
        var bad = await swarm.QueryAsync(new Query("   "));
        var good = await swarm.QueryAsync("what is MSM?");
        Assert.Equal(ResponseStatus.Error, bad.Status);
        Assert.Contains("empty", bad.Error);
        Assert.Equal(ResponseStatus.Answered, good.Status);
        Assert.Equal([ResponseStatus.Error, ResponseStatus.Answered], statuses);
        Assert.Null(streamError);
    }

    [Fact]
    public async Task ThrowingSubscriber_IsIsolated()
    {
        await using var swarm = await NewSwarmAsync();
        var healthy = 0;
        using var bad = swarm.Responses.Subscribe(_ => throw new InvalidOperationException("subscriber bug"));
        using var good = swarm.Responses.Subscribe(_ => healthy++);
        await swarm.QueryAsync("what is MSM?");
        await swarm.QueryAsync("what is IFLB?");
        Assert.Equal((2, 1L), (healthy, swarm.SubscriberFaults));
    }

    [Fact]
    public async Task ThrowingAgentStatesSubscriber_IsIsolatedAndCounted_TheAnswerGoesOn()
    {
        await using var swarm = await NewSwarmAsync();
        var healthy = 0;
        using var bad = swarm.AgentStates.Subscribe(_ => throw new InvalidOperationException("dashboard bug"));
        using var good = swarm.AgentStates.Subscribe(_ => healthy++);

        var first = await swarm.QueryAsync("what is MSM?");
        var second = await swarm.QueryAsync("what is IFLB?");

        Assert.Equal((ResponseStatus.Answered, ResponseStatus.Answered), (first.Status, second.Status));
        Assert.Equal(1L, swarm.SubscriberFaults);
        Assert.True(healthy >= 2, $"the healthy subscriber got {healthy} change sets");
    }

    [Fact]
    public async Task Metrics_OnePerResponse()
    {
        await using var swarm = await NewSwarmAsync();
        var metrics = new List<QueryMetric>();
        using var _ = swarm.Metrics.Subscribe(metrics.Add);
        await swarm.QueryAsync("Which counters show MSM is working?");
        var m = Assert.Single(metrics);
        Assert.Equal(("agent-FAJ_121_3094", "FAJ 121 3094", QueryType.Counter, true), (m.AgentId, m.FeatureCode, m.QueryType, m.Success));
    }

    [Fact]
    public async Task Metrics_TelemetryDisabled_Silent()
    {
        await using var swarm = await NewSwarmAsync(new SwarmConfig { EnableTelemetry = false });
        var count = 0;
        using var _ = swarm.Metrics.Subscribe(_ => count++);
        await swarm.QueryAsync("what is MSM?");
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task AgentStates_TrackLoadsAndInteractionsAsChangeSets()
    {
        await using var swarm = await NewSwarmAsync();
        using var agg = new ChangeSetAggregator<AgentStats, string>(swarm.AgentStates);
        await swarm.QueryAsync("what is MSM?");
        await swarm.QueryAsync("MSM counters");
        var stats = agg.Data["agent-FAJ_121_3094"];
        Assert.Equal(2, stats.Interactions);
        Assert.Equal(stats, swarm.GetAgentStats("FAJ 121 3094")! with { Lifecycle = stats.Lifecycle, LastActive = stats.LastActive });
    }

    [Fact]
    public async Task Dispose_CompletesStreams_AndRejectsNewQueries()
    {
        var swarm = await NewSwarmAsync();
        var completed = 0;
        using var a = swarm.Responses.Subscribe(_ => { }, () => completed++);
        using var b = swarm.Metrics.Subscribe(_ => { }, () => completed++);
        using var c = swarm.AgentStates.Subscribe(_ => { }, () => completed++);
        var pending = swarm.QueryAsync("what is MSM?");
        await swarm.DisposeAsync();
        Assert.Equal(ResponseStatus.Answered, (await pending).Status); // queued work drains before completion
        Assert.Equal(3, completed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => swarm.QueryAsync("what is MSM?"));
    }

    [Fact]
    public async Task QueryAsync_BadInputOrClosedSwarm_FailsTheTaskNotTheCall()
    {
        var swarm = await NewSwarmAsync();
        var nothing = swarm.QueryAsync((Query)null!);
        Assert.Equal("query", (await Assert.ThrowsAsync<ArgumentNullException>(() => nothing)).ParamName);
        await swarm.DisposeAsync();
        var afterwards = swarm.QueryAsync("what is MSM?");
        var cancellable = swarm.QueryAsync(new Query("what is MSM?"), new CancellationTokenSource().Token);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => afterwards);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => cancellable);
    }

    [Fact]
    public async Task QueryAsync_WithAndWithoutAToken_AnswersAlike()
    {
        await using var swarm = await NewSwarmAsync();
        using var cts = new CancellationTokenSource();
        var plain = await swarm.QueryAsync("which counters show MSM is working?");
        var withToken = await swarm.QueryAsync(new Query("which counters show MSM is working?"), cts.Token);
        Assert.Equal(ResponseStatus.Answered, plain.Status);
        Assert.Equal(plain.Status, withToken.Status);
        Assert.NotNull(plain.FeatureCode);
        Assert.Equal(plain.FeatureCode, withToken.FeatureCode);
    }

    [Fact]
    public async Task TryQueryAsync_IngressFull_RejectsAtOnceWithBusy()
    {
        await using var swarm = await NewSwarmAsync(new SwarmConfig { IngressCapacity = 1 });
        using var gate = new ManualResetEventSlim(false);
        using var entered = new SemaphoreSlim(0);
        using var blocker = swarm.Responses.Subscribe(_ => { entered.Release(); gate.Wait(); });
        var first = swarm.QueryAsync("what is MSM?");     // taken by the pipeline, blocked in the subscriber
        await entered.WaitAsync();
        var second = swarm.TryQueryAsync(new Query("what is IFLB?")); // fills the single ingress slot
        var third = swarm.TryQueryAsync(new Query("what is CA?"));    // no room
        var busy = await Assert.ThrowsAsync<SwarmBusyException>(() => third);
        Assert.Equal(1, busy.Capacity);
        gate.Set();
        Assert.Equal(ResponseStatus.Answered, (await first).Status);
        Assert.Equal(ResponseStatus.Answered, (await second).Status);
    }

    [Fact]
    public async Task GetAgentStats_UnknownId_IsNull()
    {
        await using var swarm = await NewSwarmAsync();
        Assert.Null(swarm.GetAgentStats("agent-FAJ_999_9999"));
        Assert.Null(swarm.GetAgentStats("nonsense"));
        Assert.Equal(0, swarm.GetAgentStats("FAJ 121 3094")!.Interactions);
    }

    [Theory]
    [InlineData(0, 60000, "MaxAgents")]
    [InlineData(50, 10, "SyncIntervalMs")]
    public void Config_Invalid_NamesTheOption(int maxAgents, int syncMs, string option)
    {
        var e = Assert.Throws<ArgumentException>(() => new SwarmConfig { MaxAgents = maxAgents, SyncIntervalMs = syncMs }.Validate());
        Assert.Contains(option, e.Message);
    }

    [Theory]
    [InlineData("mesh", SwarmTopology.Mesh)]
    [InlineData("hierarchical", SwarmTopology.Hierarchical)]
    [InlineData("hierarchical_mesh", SwarmTopology.HierarchicalMesh)]
    public void ParseTopology_SeedNames(string name, SwarmTopology expected) => Assert.Equal(expected, SwarmConfig.ParseTopology(name));

    [Fact]
    public void ParseTopology_Unknown_ListsValidNames() =>
        Assert.Contains("hierarchical_mesh", Assert.Throws<ArgumentException>(() => SwarmConfig.ParseTopology("star")).Message);
}
