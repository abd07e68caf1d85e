using Elex.Streams.Tests.Marbles;
using System.Reactive.Linq;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Streams.Operators;
using Elex.Streams.Pipeline;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class DispatchOperatorTests : ReactiveTest
{
    [Fact]
    public void Dispatch_ArgumentChecking()
    {
        Assert.Throws<ArgumentNullException>(() => ((IObservable<PipelineItem>)null!).Dispatch(new AgentRegistry(TestCatalog.Sample)));
        Assert.Throws<ArgumentNullException>(() => Observable.Empty<PipelineItem>().Dispatch(null!));
    }

    [Fact]
    public void Dispatch_Regular_CreatesAgentsLazilyAndReusesThem()
    {
        var scheduler = new TestScheduler();
        var registry = new AgentRegistry(TestCatalog.Sample, maxAgents: 5);
        var source = scheduler.CreateHotObservable(
            OnNext(210, PipelineItems.Routed("MSM counters")),
            OnNext(220, PipelineItems.Routed("IFLB parameters")),
            OnNext(230, PipelineItems.Routed("what is MSM")),
            OnCompleted<PipelineItem>(300));

        var results = scheduler.Start(() => source.Dispatch(registry).Select(i => i.Agent!.Id));

        results.Messages.AssertEqual(
            OnNext(210, "agent-FAJ_121_3094"), OnNext(220, "agent-FAJ_121_3009"), OnNext(230, "agent-FAJ_121_3094"), OnCompleted<string>(300));
        Assert.Equal((2, 1L, 2L), (registry.Stats().Loaded, registry.Stats().Hits, registry.Stats().Misses));
    }

    [Fact]
    public void Dispatch_BeyondMaxAgents_EvictsButStillAnswersInOrder()
    {
        var scheduler = new TestScheduler();
        var registry = new AgentRegistry(TestCatalog.Sample, maxAgents: 1);
        var source = scheduler.CreateHotObservable(
            OnNext(210, PipelineItems.Routed("MSM counters")),
            OnNext(220, PipelineItems.Routed("IFLB parameters")),
            OnCompleted<PipelineItem>(300));
        var results = scheduler.Start(() => source.Dispatch(registry).Select(i => i.Agent!.Feature.Code.Value));
        results.Messages.AssertEqual(OnNext(210, "FAJ 121 3094"), OnNext(220, "FAJ 121 3009"), OnCompleted<string>(300));
        Assert.Equal(1, registry.Stats().Evictions);
    }

    [Fact]
    public void Dispatch_UnroutedOrFailed_PassesWithoutAgent()
    {
        var scheduler = new TestScheduler();
        var registry = new AgentRegistry(TestCatalog.Sample);
        var source = scheduler.CreateHotObservable(
            OnNext(210, PipelineItems.Classified("not routed")),
            OnNext(220, PipelineItems.Failed("x", "route")),
            OnCompleted<PipelineItem>(230));
        var results = scheduler.Start(() => source.Dispatch(registry).Select(i => i.Agent is null));
        results.Messages.AssertEqual(OnNext(210, true), OnNext(220, true), OnCompleted<bool>(230));
        Assert.Equal(0, registry.Stats().Loaded);
    }

    [Fact]
    public void Dispatch_Error()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("upstream");
        var source = scheduler.CreateHotObservable(OnError<PipelineItem>(210, error));
        var results = scheduler.Start(() => source.Dispatch(new AgentRegistry(TestCatalog.Sample)));
        results.Messages.AssertEqual(OnError<PipelineItem>(210, error));
        source.Subscriptions.AssertEqual(Subscribe(200, 210));
    }

    [Fact]
    public void Dispatch_BelowMinConfidence_LeavesItemWithoutAgent()
    {
        var scheduler = new TestScheduler();
        var registry = new AgentRegistry(TestCatalog.Sample);
        var source = scheduler.CreateHotObservable(
            OnNext(210, PipelineItems.Routed("qwzx blorf zzyzx")),
            OnNext(220, PipelineItems.Routed("Describe feature FAJ 121 3094")),
            OnCompleted<PipelineItem>(230));
        var results = scheduler.Start(() => source.Dispatch(registry, minConfidence: 0.5f).Select(i => i.Agent?.Feature.Code.Value ?? "none"));
        results.Messages.AssertEqual(OnNext(210, "none"), OnNext(220, "FAJ 121 3094"), OnCompleted<string>(230));
    }

    [Fact]
    public void Dispatch_AComparisonOfNamedFeatures_IsAnsweredEvenWhenTheRouteIsSplit()
    {
        var scheduler = new TestScheduler();
        var registry = new AgentRegistry(TestCatalog.Sample);
        var source = scheduler.CreateHotObservable(
            OnNext(210, PipelineItems.Routed("IFLB or Inter-Frequency Offload, which one?")),
            OnNext(220, PipelineItems.Routed("qwzx blorf zzyzx")),
            OnCompleted<PipelineItem>(230));
        // A minimum no route reaches: only the comparison gets an agent.
        var results = scheduler.Start(() => source.Dispatch(registry, minConfidence: 1f)
            .Select(i => (i.Agent?.Feature.Code.Value ?? "none", string.Join(",", i.Compared.Select(f => f.Code.Value)))));
        results.Messages.AssertEqual(
            OnNext(210, ("FAJ 121 3009", "FAJ 121 3009,FAJ 121 3061")),
            OnNext(220, ("none", "")),
            OnCompleted<(string, string)>(230));
    }

    [Fact]
    public void Dispatch_MinConfidenceOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Observable.Empty<PipelineItem>().Dispatch(new AgentRegistry(TestCatalog.Sample), 1.5f));

    [Fact]
    public void Dispatch_Marbles()
    {
        var marbles = new MarbleScheduler();
        var scheduler = marbles.Scheduler;
        var registry = new AgentRegistry(TestCatalog.Sample);
        var items = new Dictionary<char, PipelineItem> { ['a'] = PipelineItems.Routed("MSM counters"), ['n'] = PipelineItems.Classified("unrouted") };
        var agents = new Dictionary<char, string> { ['m'] = "agent-FAJ_121_3094", ['x'] = "none" };
        var source = marbles.Hot("^-(an)--|", items);
        var results = marbles.Run(() => source.Dispatch(registry).Select(i => i.Agent?.Id ?? "none"));
        marbles.ExpectObservable(results).ToBe("--(mx)--|", agents);
    }

    [Theory]
    [InlineData(SwarmTopology.Mesh, "FAJ 121 3094")]
    [InlineData(SwarmTopology.HierarchicalMesh, "FAJ 121 3061")]
    public void Dispatch_GivesThePeerTheTopologyChooses(SwarmTopology topology, string expectedPeer)
    {
        var scheduler = new TestScheduler();
        var registry = new AgentRegistry(TestCatalog.Sample);
        // IFLB first, MSM (another domain) second, IFO (IFLB's domain) third.
        var route = new RouteResult([Candidate("FAJ 121 3009"), Candidate("FAJ 121 3094"), Candidate("FAJ 121 3061")], 0.9f, false);
        var source = scheduler.CreateHotObservable(
            OnNext(210, PipelineItems.Classified("which peer") with { Route = route }),
            OnCompleted<PipelineItem>(220));

        var results = scheduler.Start(() => source.Dispatch(registry, topology: topology).Select(i => i.Peer!()!.Feature.Code.Value));

        results.Messages.AssertEqual(OnNext(210, expectedPeer), OnCompleted<string>(220));
    }

    [Fact]
    public void Dispatch_UnknownTopology_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Observable.Empty<PipelineItem>().Dispatch(new AgentRegistry(TestCatalog.Sample), topology: (SwarmTopology)9));

    private static RouteCandidate Candidate(string code)
    {
        TestCatalog.Sample.TryGetOrdinal(FeatureCode.Parse(code), out var ordinal);
        return new RouteCandidate(TestCatalog.Sample[ordinal], ordinal, 1f, 0.5f, 0.5f, []);
    }

    [Fact]
    public void Dispatch_Never() => OperatorContract.AssertNever<PipelineItem, PipelineItem>((s, _) => s.Dispatch(new AgentRegistry(TestCatalog.Sample)));

    [Fact]
    public void Dispatch_Empty() => OperatorContract.AssertEmpty<PipelineItem, PipelineItem>((s, _) => s.Dispatch(new AgentRegistry(TestCatalog.Sample)));
}
