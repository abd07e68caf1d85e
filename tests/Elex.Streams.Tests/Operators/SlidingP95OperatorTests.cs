using Elex.Streams.Tests.Marbles;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Core.Telemetry;
using Elex.Streams.Operators;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class SlidingP95OperatorTests : ReactiveTest
{
    private static readonly TimeSpan Window = TimeSpan.FromTicks(100);
    private static readonly TimeSpan Refresh = TimeSpan.FromTicks(50);

    private static QueryMetric Metric(double latencyUs, bool success = true) =>
        new(DateTimeOffset.UnixEpoch, latencyUs, 0.5f, "agent", "FAJ 121 3094", QueryType.General, Complexity.Simple, success,
            success ? ResponseStatus.Answered : ResponseStatus.Error);

    private static (long Count, long P50, long P95, double SuccessRate) Shape(LatencySnapshot s) =>
        (s.Count, (long)Math.Round(s.P50Us), (long)Math.Round(s.P95Us), s.SuccessRate);

    [Fact]
    public void SlidingP95_ArgumentChecking()
    {
        var source = Observable.Never<QueryMetric>();
        Assert.Throws<ArgumentNullException>(() => ((IObservable<QueryMetric>)null!).SlidingP95(Window, Refresh, Scheduler.Immediate));
        Assert.Throws<ArgumentNullException>(() => source.SlidingP95(Window, Refresh, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.SlidingP95(TimeSpan.Zero, Refresh, Scheduler.Immediate));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.SlidingP95(Window, TimeSpan.Zero, Scheduler.Immediate));
    }

    [Fact]
    public void SlidingP95_Regular_UpdatesOnEachMetricAndAgesOutWhenTrafficStops()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(210, Metric(10)),
            OnNext(220, Metric(20, success: false)),
            OnNext(230, Metric(30)),
            OnCompleted<QueryMetric>(500));

        var results = scheduler.Start(() => source.SlidingP95(Window, Refresh, scheduler).Select(Shape));

        results.Messages.AssertEqual(
            OnNext(210, (1L, 10L, 10L, 1.0)),
            OnNext(220, (2L, 10L, 20L, 0.5)),
            OnNext(230, (3L, 20L, 30L, 2.0 / 3)),
            // refresh at 250 and 300 retires nothing; at 350 every sample is older than the window
            OnNext(350, (0L, 0L, 0L, 0.0)),
            OnCompleted<(long, long, long, double)>(500));
        source.Subscriptions.AssertEqual(Subscribe(200, 500));
    }

    [Fact]
    public void SlidingP95_OldSamplesLeaveOnTheNextMetric()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(210, Metric(100)),
            OnNext(320, Metric(5)));
        var results = scheduler.Start(() => source.SlidingP95(Window, TimeSpan.FromTicks(1000), scheduler).Select(Shape));
        results.Messages.AssertEqual(
            OnNext(210, (1L, 100L, 100L, 1.0)),
            OnNext(320, (1L, 5L, 5L, 1.0)));
    }

    [Fact]
    public void SlidingP95_P95OverManySamples()
    {
        var scheduler = new TestScheduler();
        var notes = Enumerable.Range(1, 100).Select(i => OnNext(200 + i, Metric(i))).ToArray();
        var source = scheduler.CreateHotObservable(notes);
        var last = default(LatencySnapshot);
        scheduler.Start(() => source.SlidingP95(TimeSpan.FromTicks(1000), Refresh, scheduler).Do(s => last = s));
        Assert.Equal(100, last.Count);
        Assert.InRange(last.P50Us, 49.5, 50.5);
        Assert.InRange(last.P95Us, 94.5, 95.5);
        Assert.InRange(last.P99Us, 98.5, 99.5);
    }

    [Fact]
    public void SlidingP95_Error_PassesThroughAndStopsTimer()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("metrics broke");
        var source = scheduler.CreateHotObservable(OnNext(210, Metric(10)), OnError<QueryMetric>(220, error));
        var results = scheduler.Start(() => source.SlidingP95(Window, Refresh, scheduler).Select(Shape));
        results.Messages.AssertEqual(OnNext(210, (1L, 10L, 10L, 1.0)), OnError<(long, long, long, double)>(220, error));
    }

    [Fact]
    public void SlidingP95_Never_EmitsNothingAndDisposesAtEnd()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable<QueryMetric>();
        var results = scheduler.Start(() => source.SlidingP95(Window, Refresh, scheduler));
        results.Messages.AssertEqual();
        source.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void SlidingP95_Disposed_StopsRefreshing()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(OnNext(210, Metric(10)));
        // Without disposal the sample would age out at 350 (see _Regular); disposed at 260, nothing follows.
        var results = scheduler.Start(() => source.SlidingP95(Window, Refresh, scheduler).Select(Shape), 100, 200, 260);
        results.Messages.AssertEqual(OnNext(210, (1L, 10L, 10L, 1.0)));
    }

    private static QueryMetric Rated(string responseId) => Metric(10) with { ResponseId = responseId };

    [Fact]
    public void SlidingP95_WithRatings_ArgumentChecking() =>
        Assert.Throws<ArgumentNullException>(() => Observable.Never<QueryMetric>().SlidingP95(null!, Window, Refresh, Scheduler.Immediate));

    [Fact]
    public void SlidingP95_ARatingOfASampleInTheWindow_ChangesTheSuccessRate()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(OnNext(210, Rated("r-1")), OnNext(220, Rated("r-2")));
        var ratings = scheduler.CreateHotObservable(
            OnNext(230, new MetricRating("r-1", false)),
            OnNext(240, new MetricRating("r-1", false)),   // the same verdict again: nothing to say
            OnNext(250, new MetricRating("r-2", false)),
            OnNext(260, new MetricRating("r-1", true)),
            OnCompleted<MetricRating>(270));
        var results = scheduler.Start(() => source.SlidingP95(ratings, TimeSpan.FromTicks(1000), TimeSpan.FromTicks(1000), scheduler).Select(s => s.SuccessRate));
        results.Messages.AssertEqual(
            OnNext(210, 1.0),
            OnNext(220, 1.0),
            OnNext(230, 0.5),
            OnNext(250, 0.0),
            OnNext(260, 0.5));
        ratings.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void SlidingP95_ARatingOfASampleThatAgedOut_ChangesNothing()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(OnNext(210, Rated("r-1")));
        var ratings = scheduler.CreateHotObservable(OnNext(400, new MetricRating("r-1", false)));
        var results = scheduler.Start(() => source.SlidingP95(ratings, Window, Refresh, scheduler).Select(Shape));
        results.Messages.AssertEqual(
            OnNext(210, (1L, 10L, 10L, 1.0)),
            OnNext(350, (0L, 0L, 0L, 0.0)));
    }

    [Fact]
    public void SlidingP95_ARatingsError_EndsTheOutput()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("ratings broke");
        var source = scheduler.CreateHotObservable(OnNext(210, Rated("r-1")));
        var ratings = scheduler.CreateHotObservable(OnError<MetricRating>(220, error));
        var results = scheduler.Start(() => source.SlidingP95(ratings, Window, Refresh, scheduler).Select(Shape));
        results.Messages.AssertEqual(OnNext(210, (1L, 10L, 10L, 1.0)), OnError<(long, long, long, double)>(220, error));
        source.Subscriptions.AssertEqual(Subscribe(200, 220));
    }

    [Fact]
    public void SlidingP95_Marbles_ARatingLowersTheSuccessRate()
    {
        var marbles = new MarbleScheduler();
        var metrics = new Dictionary<char, QueryMetric> { ['a'] = Rated("r-1"), ['b'] = Rated("r-2") };
        var ratings = new Dictionary<char, MetricRating> { ['x'] = new("r-1", false) };
        var rates = new Dictionary<char, double> { ['1'] = 1.0, ['h'] = 0.5 };
        var source = marbles.Hot("^-a-b-------|", metrics);
        var rated = marbles.Hot("^-----x-----", ratings);
        var results = marbles.Run(() => source.SlidingP95(rated, marbles.Frames(100), marbles.Frames(100), marbles.Scheduler).Select(s => s.SuccessRate));
        marbles.ExpectObservable(results).ToBe("--1-1-h-----|", rates);
    }

    [Fact]
    public void SlidingP95_Marbles_WindowAgesOut()
    {
        // Window 5 frames, refresh every 2 frames: the count rises with each metric and falls back
        // to zero on the first refresh after the window has passed, with no further traffic.
        var marbles = new MarbleScheduler();
        var scheduler = marbles.Scheduler;
        var metrics = new Dictionary<char, QueryMetric> { ['m'] = Metric(10) };
        var counts = new Dictionary<char, long> { ['1'] = 1, ['2'] = 2, ['0'] = 0 };
        var source = marbles.Hot("^-m-m------------|", metrics);
        var results = marbles.Run(() => source
            .SlidingP95(marbles.Frames(5), marbles.Frames(2), scheduler)
            .Select(s => s.Count));
        marbles.ExpectObservable(results).ToBe("--1-2---1-0------|", counts);
    }

    [Fact]
    public void SlidingP95_Never() => OperatorContract.AssertNever<QueryMetric, LatencySnapshot>((s, sch) => s.SlidingP95(TimeSpan.FromTicks(100), TimeSpan.FromTicks(10), sch));

    [Fact]
    public void SlidingP95_Empty() => OperatorContract.AssertEmpty<QueryMetric, LatencySnapshot>((s, sch) => s.SlidingP95(TimeSpan.FromTicks(100), TimeSpan.FromTicks(10), sch));
}
