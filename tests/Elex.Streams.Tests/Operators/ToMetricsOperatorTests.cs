using Elex.Streams.Tests.Marbles;
using System.Reactive.Linq;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Streams.Operators;
using Elex.Streams.Pipeline;
using Elex.Core.Telemetry;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class ToMetricsOperatorTests : ReactiveTest
{
    private static QueryResponse Response(ResponseStatus status, double latencyUs, long ticks) => new()
    {
        ResponseId = "r", QueryId = "q", QueryText = "t", Status = status, LatencyUs = latencyUs, Confidence = 0.5f,
        AgentId = "agent-FAJ_121_3094", FeatureCode = "FAJ 121 3094", QueryType = QueryType.Counter, Complexity = Complexity.Simple,
        Timestamp = new DateTimeOffset(ticks, TimeSpan.Zero),
    };

    [Fact]
    public void ToMetrics_ArgumentChecking() =>
        Assert.Throws<ArgumentNullException>(() => ((IObservable<QueryResponse>)null!).ToMetrics());

    [Fact]
    public void ToMetrics_Regular_OneMetricPerResponse()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(210, Response(ResponseStatus.Answered, 12, 210)),
            OnNext(220, Response(ResponseStatus.Error, 3, 220)),
            OnCompleted<QueryResponse>(230));
        var results = scheduler.Start(() => source.ToMetrics().Select(m => (m.Timestamp.Ticks, m.LatencyUs, m.Success, m.FeatureCode)));
        results.Messages.AssertEqual(
            OnNext(210, (210L, 12.0, true, (string?)"FAJ 121 3094")),
            OnNext(220, (220L, 3.0, false, (string?)"FAJ 121 3094")),
            OnCompleted<(long, double, bool, string?)>(230));
    }

    [Fact]
    public void ToMetrics_CarryTheQueryAndResponseIds()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(OnNext(210, Response(ResponseStatus.Answered, 12, 210) with { QueryId = "q-7", ResponseId = "r-7" }));
        var results = scheduler.Start(() => source.ToMetrics().Select(m => (m.QueryId, m.ResponseId)));
        results.Messages.AssertEqual(OnNext(210, ((string?)"q-7", (string?)"r-7")));
    }

    [Fact]
    public void ToMetrics_Error()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("x");
        var results = scheduler.Start(() => scheduler.CreateHotObservable(OnError<QueryResponse>(210, error)).ToMetrics());
        results.Messages.AssertEqual(OnError<QueryMetric>(210, error));
    }

    [Fact]
    public void ToMetrics_Marbles()
    {
        var marbles = new MarbleScheduler();
        var scheduler = marbles.Scheduler;
        var responses = new Dictionary<char, QueryResponse> { ['a'] = Response(ResponseStatus.Answered, 5, 0), ['e'] = Response(ResponseStatus.Error, 5, 0) };
        var outcomes = new Dictionary<char, bool> { ['s'] = true, ['f'] = false };
        var source = marbles.Hot("^-a-e-|", responses);
        var results = marbles.Run(() => source.ToMetrics().Select(m => m.Success));
        marbles.ExpectObservable(results).ToBe("--s-f-|", outcomes);
    }

    [Fact]
    public void ToMetrics_Never() => OperatorContract.AssertNever<QueryResponse, QueryMetric>((s, _) => s.ToMetrics());

    [Fact]
    public void ToMetrics_Empty() => OperatorContract.AssertEmpty<QueryResponse, QueryMetric>((s, _) => s.ToMetrics());
}
