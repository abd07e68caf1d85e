using System.Reactive.Linq;
using System.Reactive;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Core.Safety;
using Elex.Streams.Operators;
using Elex.Streams.Pipeline;
using Elex.Streams.Tests.Marbles;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class ValidateSafetyOperatorTests : ReactiveTest
{
    private static readonly SafetyValidator Validator = new(new SafeZoneSet([
        new SafeZone("MimoSleepFunction", "sleepMode") { Min = 0, Max = 3, Step = 1 },
    ]));

    private static ProposedCommand Set(string parameter, string value) =>
        new($"cmedit set X MimoSleepFunction.{parameter}={value}", CommandKind.SetParameter, "test")
        {
            Mo = "MimoSleepFunction", Parameter = parameter, Value = value,
        };

    private static QueryResponse Response(params ProposedCommand[] commands) => new()
    {
        ResponseId = "r", QueryId = "q", QueryText = "t", Status = ResponseStatus.Answered, Confidence = 0.9f,
        AgentId = "agent-FAJ_121_3094", FeatureCode = "FAJ 121 3094", QueryType = QueryType.Procedure, Complexity = Complexity.Simple,
        Commands = commands,
    };

    private static SafetyStatus[] Verdicts(QueryResponse response) => response.Commands.Select(c => c.Safety).ToArray();

    [Fact]
    public void ValidateSafety_ArgumentChecking()
    {
        var source = Observable.Empty<QueryResponse>();
        Assert.Throws<ArgumentNullException>(() => ((IObservable<QueryResponse>)null!).ValidateSafety(Validator));
        Assert.Throws<ArgumentNullException>(() => source.ValidateSafety(null!));
        Assert.Throws<ArgumentNullException>(() => ((IObservable<PipelineItem>)null!).ValidateSafety(Validator));
        Assert.Throws<ArgumentNullException>(() => Observable.Empty<PipelineItem>().ValidateSafety(null!));
    }

    [Fact]
    public void ValidateSafety_GivesEveryCommandItsVerdict_InOrder()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(210, Response(Set("sleepMode", "2"), Set("sleepMode", "9"), Set("wakeUpTimer", "5"))),
            OnCompleted<QueryResponse>(220));
        var results = scheduler.Start(() => source.ValidateSafety(Validator).Select(r => string.Join(",", Verdicts(r))));
        results.Messages.AssertEqual(
            OnNext(210, "Safe,Rejected,NeedsApproval"),
            OnCompleted<string>(220));
    }

    [Fact]
    public void ValidateSafety_RejectedCommand_IsNeverRunnable_AndSaysWhy()
    {
        var validated = Observable.Return(Response(Set("sleepMode", "9"))).ValidateSafety(Validator).Wait();
        var command = Assert.Single(validated.Commands);
        Assert.False(command.IsRunnable);
        Assert.Contains("above the maximum 3", command.SafetyReason);
    }

    [Fact]
    public void ValidateSafety_ResponseWithoutCommands_PassesUnchanged()
    {
        var response = Response();
        Assert.Same(response, Observable.Return(response).ValidateSafety(Validator).Wait());
    }

    [Fact]
    public void ValidateSafety_ThrowingValidator_RejectsThatResponse_AndTheStreamGoesOn()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(210, Response(Set("sleepMode", "boom"))),
            OnNext(220, Response(Set("sleepMode", "1"))),
            OnCompleted<QueryResponse>(230));
        var results = scheduler.Start(() => source.ValidateSafety(new ThrowingOn("boom")).Select(r => r.Commands[0]));
        Assert.Equal(3, results.Messages.Count);
        var failed = results.Messages[0].Value.Value;
        Assert.Equal(SafetyStatus.Rejected, failed.Safety);
        Assert.StartsWith(ValidateSafetyOperator.FailurePrefix, failed.SafetyReason);
        Assert.Equal(SafetyStatus.Safe, results.Messages[1].Value.Value.Safety);
        Assert.Equal(NotificationKind.OnCompleted, results.Messages[2].Value.Kind);
    }

    [Fact]
    public void ValidateSafety_SourceError_Passes()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("x");
        var results = scheduler.Start(() => scheduler.CreateHotObservable(OnError<QueryResponse>(210, error)).ValidateSafety(Validator));
        results.Messages.AssertEqual(OnError<QueryResponse>(210, error));
    }

    [Fact]
    public void ValidateSafety_OnAnItem_ReplacesOnlyTheResponse()
    {
        var item = PipelineItems.Classified("set sleepMode to 3") with { Response = Response(Set("sleepMode", "3")) };
        var validated = Observable.Return(item).ValidateSafety(Validator).Wait();
        Assert.Same(item.Query, validated.Query);
        Assert.Equal(item.Classification, validated.Classification);
        Assert.Equal([SafetyStatus.Safe], Verdicts(validated.Response!));
    }

    [Fact]
    public void ValidateSafety_ItemWithoutResponseOrCommands_PassesUnchanged()
    {
        var unanswered = PipelineItems.Classified("x");
        var answered = PipelineItems.Classified("y") with { Response = Response() };
        var results = new[] { unanswered, answered }.ToObservable().ValidateSafety(Validator).ToList().Wait();
        Assert.Same(unanswered, results[0]);
        Assert.Same(answered, results[1]);
    }

    [Fact]
    public void ValidateSafety_OnItems_ThrowingValidator_RejectsThatItemsCommands_AndTheStreamGoesOn()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(210, PipelineItems.Classified("a") with { Response = Response(Set("sleepMode", "boom")) }),
            OnNext(220, PipelineItems.Classified("b") with { Response = Response(Set("sleepMode", "1")) }),
            OnCompleted<PipelineItem>(230));
        var results = scheduler.Start(() => source.ValidateSafety(new ThrowingOn("boom")).Select(i => i.Response!.Commands[0].Safety));
        results.Messages.AssertEqual(OnNext(210, SafetyStatus.Rejected), OnNext(220, SafetyStatus.Safe), OnCompleted<SafetyStatus>(230));
    }

    [Fact]
    public void ValidateSafety_Marbles()
    {
        var marbles = new MarbleScheduler();
        var responses = new Dictionary<char, QueryResponse>
        {
            ['a'] = Response(Set("sleepMode", "1")),
            ['b'] = Response(Set("sleepMode", "-4")),
            ['c'] = Response(Set("unknownParam", "1")),
            ['n'] = Response(),
        };
        var verdicts = new Dictionary<char, string> { ['s'] = "Safe", ['r'] = "Rejected", ['p'] = "NeedsApproval", ['0'] = "" };
        var source = marbles.Hot("^-a-b--(cn)-#", responses);
        var results = marbles.Run(() => source.ValidateSafety(Validator).Select(r => string.Join(",", Verdicts(r))));
        marbles.ExpectObservable(results).ToBe("--s-r--(p0)-#", verdicts);
    }

    private sealed class ThrowingOn(string value) : SafetyValidator(SafeZoneSet.Empty)
    {
        public override SafetyVerdict Check(ProposedCommand command, string? currentValue = null) =>
            command.Value == value
                ? throw new InvalidOperationException("zone store unavailable")
                : SafetyVerdict.Safe("test");
    }

    [Fact]
    public void ValidateSafety_Never() => OperatorContract.AssertNever<QueryResponse, QueryResponse>((s, _) => s.ValidateSafety(Validator));

    [Fact]
    public void ValidateSafety_Empty() => OperatorContract.AssertEmpty<QueryResponse, QueryResponse>((s, _) => s.ValidateSafety(Validator));
}
