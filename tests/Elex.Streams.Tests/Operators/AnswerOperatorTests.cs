using Elex.Streams.Tests.Marbles;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Core.Agents;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Streams.Operators;
using Elex.Streams.Pipeline;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class AnswerOperatorTests : ReactiveTest
{
    private static PipelineItem Dispatched(string text, QueryType type, long ticks, AgentRegistry registry)
    {
        var item = PipelineItems.Routed(text, type, ticks);
        return item with { Agent = registry.Get(item.Route!.Best!.Ordinal) };
    }

    [Fact]
    public void Answer_ArgumentChecking()
    {
        Assert.Throws<ArgumentNullException>(() => ((IObservable<PipelineItem>)null!).Answer(Scheduler.Immediate));
        Assert.Throws<ArgumentNullException>(() => Observable.Empty<PipelineItem>().Answer(null!));
    }

    [Fact]
    public void Answer_Regular_BuildsResponsesWithVirtualLatencyAndRecordsInteraction()
    {
        var scheduler = new TestScheduler();
        var registry = new AgentRegistry(TestCatalog.Sample);
        // Received at tick 200 and 205, answered at 210 and 230: latency 1.0 µs and 2.5 µs (10 ticks = 1 µs).
        var source = scheduler.CreateHotObservable(
            OnNext(210, Dispatched("Which counters show MSM is working?", QueryType.Counter, 200, registry)),
            OnNext(230, Dispatched("set sleepMode to 2 on cell X", QueryType.Parameter, 205, registry)),
            OnCompleted<PipelineItem>(300));

        var results = scheduler.Start(() => source.Answer(scheduler).Responses().Select(r => (r.Status, r.FeatureCode, r.QueryType, r.LatencyUs, r.Commands.Count)));

        results.Messages.AssertEqual(
            OnNext(210, (ResponseStatus.Answered, (string?)"FAJ 121 3094", QueryType.Counter, 1.0, 0)),
            // A change is proposed as a read of the current value (for the rollback) and the set.
            OnNext(230, (ResponseStatus.Answered, (string?)"FAJ 121 3094", QueryType.Parameter, 2.5, 2)),
            OnCompleted<(ResponseStatus, string?, QueryType, double, int)>(300));
        Assert.Equal(2, registry.Get(FeatureCodeOfMsm)!.Snapshot().Interactions);
    }

    private static readonly Elex.Core.Catalog.FeatureCode FeatureCodeOfMsm = Elex.Core.Catalog.FeatureCode.Parse("FAJ 121 3094");

    [Fact]
    public void Answer_FailedAndUnrouted_BecomeErrorAndNoMatchResponses()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(210, PipelineItems.Failed("x", "route")),
            OnNext(220, PipelineItems.Classified("no agent")),
            OnCompleted<PipelineItem>(230));
        var results = scheduler.Start(() => source.Answer(scheduler).Responses().Select(r => (r.Status, r.Error)));
        results.Messages.AssertEqual(
            OnNext(210, (ResponseStatus.Error, (string?)"route: route failed")),
            OnNext(220, (ResponseStatus.NoMatch, (string?)null)),
            OnCompleted<(ResponseStatus, string?)>(230));
    }

    [Fact]
    public void Answer_RoutedWithoutAnAgent_IsUnsure()
    {
        // "set sleepMode" names a parameter several features share: routed, but below the threshold Dispatch leaves it unassigned.
        var item = PipelineItems.Routed("set sleepMode to 2 on cell X", QueryType.Procedure);
        Assert.True(item.Route!.Candidates.Count >= 3);
        var marbles = new Marbles.MarbleScheduler();
        var source = marbles.Hot("^-a-|", new Dictionary<char, PipelineItem> { ['a'] = item });
        var results = marbles.Run(() => source.Answer(marbles.Scheduler).Responses().Select(r => r.Status.ToString()));
        marbles.ExpectObservable(results).ToBe("--u-|", new Dictionary<char, string> { ['u'] = nameof(ResponseStatus.Unsure) });
        // What an Unsure response says: ResponseBuilderTests in Elex.Core.Tests.
    }

    [Fact]
    public void Answer_LeavesTheResponseOnTheItem_AndKeepsTheRest()
    {
        var item = PipelineItems.Failed("x", "classify");
        var answered = Observable.Return(item).Answer(Scheduler.Immediate).Wait();
        Assert.Null(item.Response);
        Assert.Same(item.Query, answered.Query);
        Assert.Equal((item.FailedStage, item.Failure), (answered.FailedStage, answered.Failure));
        Assert.Equal(item.Query.Id, answered.Response!.QueryId);
    }

    [Fact]
    public void Answer_AThrowingAnswer_FailsTheItemAsAnswer_AndTheStreamGoesOn()
    {
        var registry = new AgentRegistry(TestCatalog.Sample);
        var routed = Dispatched("MSM counters", QueryType.Counter, 0, registry);
        // Routed and dispatched, but the agent cannot read the question.
        var broken = new PipelineItem(new Query("MSM counters") { Text = null! }, DateTimeOffset.UnixEpoch)
        {
            Classification = routed.Classification, Route = routed.Route, Agent = routed.Agent,
        };
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(210, broken),
            OnNext(220, Dispatched("MSM counters", QueryType.Counter, 0, registry)),
            OnCompleted<PipelineItem>(230));
        var results = scheduler.Start(() => source.Answer(scheduler).Select(i => (i.FailedStage, i.Response!.Status)));
        results.Messages.AssertEqual(
            OnNext(210, ((string?)"answer", ResponseStatus.Error)),
            OnNext(220, ((string?)null, ResponseStatus.Answered)),
            OnCompleted<(string?, ResponseStatus)>(230));
    }

    [Fact]
    public void Answer_ACancelledOrTurnedAwayItem_IsRejected_NotAnError()
    {
        var cancelled = PipelineItems.Classified("x").Fail("ingress", new OperationCanceledException());
        var busy = PipelineItems.Classified("y").Fail("ingress", new SwarmBusyException(4));
        var statuses = new[] { cancelled, busy }.ToObservable().Answer(Scheduler.Immediate).Responses().Select(r => r.Status).ToList().Wait();
        Assert.Equal([ResponseStatus.Rejected, ResponseStatus.Rejected], statuses);
    }

    [Fact]
    public void Answer_Error()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("upstream");
        var source = scheduler.CreateHotObservable(OnError<PipelineItem>(210, error));
        var results = scheduler.Start(() => source.Answer(scheduler));
        results.Messages.AssertEqual(OnError<PipelineItem>(210, error));
    }

    [Fact]
    public void Answer_Marbles()
    {
        var marbles = new MarbleScheduler();
        var scheduler = marbles.Scheduler;
        var registry = new AgentRegistry(TestCatalog.Sample);
        var items = new Dictionary<char, PipelineItem>
        {
            ['a'] = Dispatched("MSM counters", QueryType.Counter, 0, registry),
            ['f'] = PipelineItems.Failed("x", "route"),
        };
        var statuses = new Dictionary<char, ResponseStatus> { ['A'] = ResponseStatus.Answered, ['E'] = ResponseStatus.Error };
        var source = marbles.Hot("^-a-f-a|", items);
        var results = marbles.Run(() => source.Answer(scheduler).Responses().Select(r => r.Status));
        marbles.ExpectObservable(results).ToBe("--A-E-A|", statuses);
    }

    [Fact]
    public void Answer_Never() => OperatorContract.AssertNever<PipelineItem, PipelineItem>((s, sch) => s.Answer(sch));

    [Fact]
    public void Answer_Empty() => OperatorContract.AssertEmpty<PipelineItem, PipelineItem>((s, sch) => s.Answer(sch));
}
