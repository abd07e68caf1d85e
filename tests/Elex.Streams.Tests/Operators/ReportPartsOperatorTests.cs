using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Elex.Core.Agents;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Core.Safety;
using Elex.Streams.Operators;
using Elex.Streams.Pipeline;
using Elex.Streams.Tests.Marbles;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

/// <summary>
/// The parts of a streamed query, pushed from inside the tail of the query graph as QueryGraph wires
/// it (Dispatch → ReportParts(Routed) → Answer → ReportParts(Section) → ValidateSafety →
/// ReportParts(Verdict) → fan-out's Done), in virtual time. The agent takes three frames to answer,
/// so a routed part that left before Answer shows three frames ahead of the rest.
/// </summary>
public class ReportPartsOperatorTests : ReactiveTest
{
    private const int AnswerFrames = 3;
    private static readonly SafetyValidator SleepModeZone = new(new SafeZoneSet([
        new SafeZone("MimoSleepFunction", "sleepMode") { Min = 0, Max = 3, Step = 1 },
    ]));

    // One letter per kind; consecutive sections (or verdicts) collapse into one letter, so a diagram does not depend on how many there are.
    private static readonly Dictionary<AnswerPartKind, string> Letters = new()
    {
        [AnswerPartKind.Routed] = "r", [AnswerPartKind.Section] = "s", [AnswerPartKind.Verdict] = "v",
        [AnswerPartKind.Done] = "d", [AnswerPartKind.Error] = "e",
    };

    private readonly MarbleScheduler _marbles = new();
    private readonly AgentRegistry _registry = new(TestCatalog.Sample);
    private readonly Subject<PipelineItem> _entry = new();
    private readonly List<PipelineItem> _finished = [];
    private readonly SubscriberFaultCounter _faults = new();

    private PipelineItem Dispatched(string text, QueryType type)
    {
        var item = PipelineItems.Routed(text, type);
        return item with { Agent = _registry.Get(item.Route!.Best!.Ordinal) };
    }

    // The graph's tail over the entry subject; what leaves it is delivered as the fan-out does.
    private void StartTail(SafetyValidator safety)
    {
        var s = _marbles.Scheduler;
        _entry.ReportParts(AnswerPartKind.Routed)
            .Delay(_marbles.Frames(AnswerFrames), s)
            .Answer(s)
            .ReportParts(AnswerPartKind.Section)
            .ValidateSafety(safety)
            .ReportParts(AnswerPartKind.Verdict)
            .Subscribe(item =>
            {
                _finished.Add(item);
                item.Parts?.Finish(item, item.Response!);
            });
    }

    // As QueryIngress.Stream: each subscription puts its own item (carrying its sink) into the graph, one frame later.
    private IObservable<AnswerPart> Streamed(PipelineItem item) => Observable.Create<AnswerPart>(observer =>
    {
        var sink = new AnswerPartSink(item.Query.Id, observer, _faults);
        var entering = _marbles.Scheduler.Schedule(_marbles.Frames(1), () => _entry.OnNext(item with { Parts = sink }));
        return new CompositeDisposable(entering, Disposable.Create(sink.Unsubscribe));
    });

    private ITestableObserver<string> RunKinds(PipelineItem item, SafetyValidator? safety = null, string subscription = "^")
    {
        StartTail(safety ?? SleepModeZone);
        return _marbles.Run(() => Streamed(item).Select(p => Letters[p.Kind]).DistinctUntilChanged(), subscription);
    }

    private List<AnswerPart> RunParts(PipelineItem item, SafetyValidator? safety = null)
    {
        StartTail(safety ?? SleepModeZone);
        var parts = new List<AnswerPart>();
        _marbles.Run(() => Streamed(item).Do(parts.Add));
        return parts;
    }

    [Fact]
    public void ReportParts_ArgumentChecking()
    {
        Assert.Throws<ArgumentNullException>(() => ((IObservable<PipelineItem>)null!).ReportParts(AnswerPartKind.Routed));
        Assert.Throws<ArgumentOutOfRangeException>(() => Observable.Empty<PipelineItem>().ReportParts(AnswerPartKind.Done));
        Assert.Throws<ArgumentOutOfRangeException>(() => Observable.Empty<PipelineItem>().ReportParts(AnswerPartKind.Error));
    }

    [Fact]
    public void ReportParts_RoutedBeforeSectionsBeforeVerdictsBeforeDone()
    {
        var results = RunKinds(Dispatched("set sleepMode to 2 for MSM on cell X", QueryType.Parameter));

        // Routed as the item enters (frame 1), the rest once the agent has answered (frame 1 + 3).
        _marbles.ExpectObservable(results).ToBe("-r--(svd|)");
    }

    [Fact]
    public void ReportParts_RoutedPart_SaysWhereTheQuestionGoes_BeforeTheAnswerExists()
    {
        var parts = RunParts(Dispatched("set sleepMode to 2 for MSM on cell X", QueryType.Parameter));

        var routing = parts[0].Routing!;
        Assert.Equal("FAJ 121 3094", routing.FeatureCode);
        Assert.Equal("agent-FAJ_121_3094", routing.AgentId);
        Assert.False(routing.Abstained);
        Assert.Contains(routing.Evidence, e => e.StartsWith("routed by", StringComparison.Ordinal));
        Assert.Equal("FAJ 121 3094", routing.Candidates[0].FeatureCode);
        var done = parts[^1].Response!;
        Assert.Equal(done.Confidence, routing.Confidence);
        Assert.Equal(done.Evidence.Take(routing.Evidence.Count), routing.Evidence);
        // The sections are the answer's text, the verdicts its commands, each in order.
        Assert.Equal(AnswerSections.Split(done.Text), parts.Where(p => p.Kind == AnswerPartKind.Section).Select(p => p.Section!));
        Assert.Equal(done.Commands, parts.Where(p => p.Kind == AnswerPartKind.Verdict).Select(p => p.Command!));
        Assert.Equal(Enumerable.Range(0, done.Commands.Count), parts.Where(p => p.Kind == AnswerPartKind.Verdict).Select(p => p.Index));
    }

    [Fact]
    public void ReportParts_RejectedCommand_HasItsVerdictPart_BeforeDone()
    {
        var parts = RunParts(Dispatched("set sleepMode to 9 for MSM on cell X", QueryType.Parameter));

        var rejected = Assert.Single(parts, p => p.Kind == AnswerPartKind.Verdict && p.Command!.Safety == SafetyStatus.Rejected);
        Assert.Contains("above the maximum 3", rejected.Command!.SafetyReason);
        Assert.Equal(AnswerPartKind.Done, parts[^1].Kind);
        Assert.True(parts.IndexOf(rejected) < parts.Count - 1);
    }

    [Fact]
    public void ReportParts_Abstained_RoutedAsAbstained_ThenTheUnsureAnswer_WithoutVerdicts()
    {
        // Routed without an agent (as Dispatch leaves a route below the threshold): the swarm abstains.
        var unsure = PipelineItems.Routed("set sleepMode to 2 on cell X", QueryType.Procedure);

        var results = RunKinds(unsure);

        _marbles.ExpectObservable(results).ToBe("-r--(sd|)");
    }

    [Fact]
    public void ReportParts_Abstained_RoutedPartNamesTheCandidatesWithWhy()
    {
        var parts = RunParts(PipelineItems.Routed("set sleepMode to 2 on cell X", QueryType.Procedure));

        var routing = parts[0].Routing!;
        Assert.True(routing.Abstained);
        Assert.Null(routing.AgentId);
        Assert.True(routing.Candidates.Count >= 3);
        Assert.All(routing.Candidates, c => Assert.Contains("similar", c.Why, StringComparison.Ordinal));
        Assert.Equal(ResponseStatus.Unsure, parts[^1].Response!.Status);
        Assert.Equal(routing.FeatureCode, parts[^1].Response!.FeatureCode);
    }

    [Fact]
    public void ReportParts_ThrowingAgent_ErrorPartAfterRouted_ThenCompletion()
    {
        var routed = Dispatched("MSM counters", QueryType.Counter);
        // Routed and dispatched, but the agent cannot read the question.
        var broken = new PipelineItem(new Query("MSM counters") { Text = null! }, DateTimeOffset.UnixEpoch)
        {
            Classification = routed.Classification, Route = routed.Route, Agent = routed.Agent,
        };

        var results = RunKinds(broken);

        _marbles.ExpectObservable(results).ToBe("-r--(e|)");
        var failed = Assert.Single(_finished);
        Assert.Equal("answer", failed.FailedStage);
    }

    [Fact]
    public void ReportParts_ErrorPart_CarriesTheStageAndTheErrorResponse()
    {
        var routed = Dispatched("MSM counters", QueryType.Counter);
        var broken = new PipelineItem(new Query("MSM counters") { Text = null! }, DateTimeOffset.UnixEpoch)
        {
            Classification = routed.Classification, Route = routed.Route, Agent = routed.Agent,
        };

        var error = RunParts(broken)[^1];

        Assert.Equal(AnswerPartKind.Error, error.Kind);
        Assert.Equal("answer", error.FailedStage);
        Assert.NotNull(error.Failure);
        Assert.Equal(ResponseStatus.Error, error.Response!.Status);
    }

    [Fact]
    public void ReportParts_FailingSafetyCheck_RejectedVerdicts_ThenAnErrorPart_ThenCompletion()
    {
        var results = RunKinds(Dispatched("set sleepMode to 2 for MSM on cell X", QueryType.Parameter), new ThrowingValidator());

        _marbles.ExpectObservable(results).ToBe("-r--(sve|)");
    }

    [Fact]
    public void ReportParts_FailingSafetyCheck_NamesTheSafetyStage_AndRejectsEveryCommand()
    {
        var parts = RunParts(Dispatched("set sleepMode to 2 for MSM on cell X", QueryType.Parameter), new ThrowingValidator());

        Assert.Equal(ValidateSafetyOperator.SafetyStage, parts[^1].FailedStage);
        var verdicts = parts.Where(p => p.Kind == AnswerPartKind.Verdict).Select(p => p.Command!).ToList();
        Assert.NotEmpty(verdicts);
        Assert.All(verdicts, c => Assert.StartsWith(ValidateSafetyOperator.FailurePrefix, c.SafetyReason));
        Assert.All(verdicts, c => Assert.Equal(SafetyStatus.Rejected, c.Safety));
    }

    [Fact]
    public void ReportParts_EarlyUnsubscribe_StopsDelivery_AndTheQueryIsStillAnswered()
    {
        var results = RunKinds(Dispatched("set sleepMode to 2 for MSM on cell X", QueryType.Parameter), subscription: "^--!");

        _marbles.ExpectObservable(results).ToBe("-r");
        var answered = Assert.Single(_finished);
        Assert.Equal(ResponseStatus.Answered, answered.Response!.Status);
        Assert.True(answered.Parts!.IsEnded);
    }

    [Fact]
    public void ReportParts_IsCold_EachSubscriptionAsksOnce()
    {
        StartTail(SleepModeZone);
        var item = Dispatched("MSM counters", QueryType.Counter);
        var stream = Streamed(item);
        _marbles.Run(() => stream.Merge(stream).Where(p => p.Kind == AnswerPartKind.Done));

        Assert.Equal(2, _finished.Count);
        Assert.NotSame(_finished[0].Parts, _finished[1].Parts);
    }

    [Fact]
    public void ReportParts_ThrowingSubscriber_IsCounted_AndTheGraphGoesOn()
    {
        StartTail(SleepModeZone);
        using var subscription = Streamed(Dispatched("MSM counters", QueryType.Counter)).Subscribe(_ => throw new InvalidOperationException("subscriber broke"));
        _marbles.Scheduler.AdvanceBy(_marbles.Frames(2).Ticks);
        _entry.OnNext(Dispatched("MSM counters", QueryType.Counter));
        _marbles.Scheduler.AdvanceBy(_marbles.Frames(2 * AnswerFrames).Ticks);

        Assert.Equal(1, _faults.Count);
        Assert.Equal(2, _finished.Count);
        Assert.All(_finished, i => Assert.Equal(ResponseStatus.Answered, i.Response!.Status));
    }

    [Fact]
    public void ReportParts_ItemsWithoutASink_PassUnchanged()
    {
        var items = new Dictionary<char, PipelineItem> { ['a'] = Dispatched("MSM counters", QueryType.Counter), ['f'] = PipelineItems.Failed("x", "route") };
        var source = _marbles.Hot("^-a-f-#", items);

        var results = _marbles.Run(() => source.ReportParts(AnswerPartKind.Routed).ReportParts(AnswerPartKind.Section).ReportParts(AnswerPartKind.Verdict));

        _marbles.ExpectObservable(results).ToBe("--a-f-#", items);
    }

    [Fact]
    public void ReportParts_Never() => OperatorContract.AssertNever<PipelineItem, PipelineItem>((s, _) => s.ReportParts(AnswerPartKind.Routed));

    [Fact]
    public void ReportParts_Empty() => OperatorContract.AssertEmpty<PipelineItem, PipelineItem>((s, _) => s.ReportParts(AnswerPartKind.Verdict));

    private sealed class ThrowingValidator() : SafetyValidator(SafeZoneSet.Empty)
    {
        public override SafetyVerdict Check(ProposedCommand command, string? currentValue = null) =>
            throw new InvalidOperationException("zone store unavailable");
    }
}
