using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Elex.Core.Telemetry;

namespace Elex.Streams.Operators;

/// <summary>Live latency percentiles over a sliding time window.</summary>
public static class SlidingP95Operator
{
    /// <summary>The default window: the last minute.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(60);

    /// <summary>The default refresh period for ageing out samples when traffic stops.</summary>
    public static readonly TimeSpan DefaultRefresh = TimeSpan.FromSeconds(1);

    /// <summary>
    /// P50/P95/P99 latency, count, success rate and mean confidence over the last
    /// <paramref name="window"/>, emitted on every metric and, every <paramref name="refresh"/>,
    /// whenever samples have aged out — so the figures fall back to zero when traffic stops instead
    /// of freezing. Sample age is measured by <paramref name="scheduler"/>'s clock at arrival.
    /// Errors and completion pass through and stop the refresh timer.
    /// </summary>
    public static IObservable<LatencySnapshot> SlidingP95(this IObservable<QueryMetric> source, TimeSpan window, TimeSpan refresh, IScheduler scheduler) =>
        source.SlidingP95(Observable.Never<MetricRating>(), window, refresh, scheduler);

    /// <summary>
    /// As <see cref="SlidingP95(IObservable{QueryMetric}, TimeSpan, TimeSpan, IScheduler)"/>, with the
    /// ratings of responses: a rating of a response whose metric is still in the window changes whether
    /// it counts as a success (an answer rated unsuccessful does not), and emits a snapshot when the
    /// success rate changed. The ratings' completion is ignored; their error ends the output like the source's.
    /// </summary>
    public static IObservable<LatencySnapshot> SlidingP95(this IObservable<QueryMetric> source, IObservable<MetricRating> ratings, TimeSpan window, TimeSpan refresh, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refresh, TimeSpan.Zero);
        return Observable.Create<LatencySnapshot>(observer =>
        {
            var gate = new Lock();
            var state = new SlidingLatencyWindow(window);
            var stopped = false;
            var timer = new SerialDisposable();
            var subscription = new SingleAssignmentDisposable();
            var rated = new SingleAssignmentDisposable();

            void Fail(Exception error)
            {
                lock (gate)
                {
                    if (stopped) return;
                    stopped = true;
                    timer.Dispose();
                    observer.OnError(error);
                }
            }

            timer.Disposable = scheduler.SchedulePeriodic(refresh, () =>
            {
                lock (gate)
                {
                    if (stopped) return;
                    var now = scheduler.Now;
                    if (state.Evict(now) > 0) observer.OnNext(state.Snapshot(now));
                }
            });
            subscription.Disposable = source.Subscribe(
                metric =>
                {
                    lock (gate)
                    {
                        if (stopped) return;
                        var now = scheduler.Now;
                        state.Add(now, metric);
                        state.Evict(now);
                        observer.OnNext(state.Snapshot(now));
                    }
                },
                Fail,
                () =>
                {
                    lock (gate)
                    {
                        if (stopped) return;
                        stopped = true;
                        timer.Dispose();
                        observer.OnCompleted();
                    }
                });
            rated.Disposable = ratings.Subscribe(
                rating =>
                {
                    lock (gate)
                    {
                        if (stopped) return;
                        if (state.Rate(rating.ResponseId, rating.Success)) observer.OnNext(state.Snapshot(scheduler.Now));
                    }
                },
                Fail);
            return new CompositeDisposable(subscription, rated, timer, Disposable.Create(() => { lock (gate) stopped = true; }));
        });
    }

    /// <summary><see cref="SlidingP95(IObservable{QueryMetric}, TimeSpan, TimeSpan, IScheduler)"/> with a 60 s window refreshed every second on <see cref="Scheduler.Default"/>.</summary>
    public static IObservable<LatencySnapshot> SlidingP95(this IObservable<QueryMetric> source) =>
        source.SlidingP95(DefaultWindow, DefaultRefresh, Scheduler.Default);
}
