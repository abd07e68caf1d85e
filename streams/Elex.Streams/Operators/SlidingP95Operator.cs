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
    public static IObservable<LatencySnapshot> SlidingP95(this IObservable<QueryMetric> source, TimeSpan window, TimeSpan refresh, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refresh, TimeSpan.Zero);
        return Observable.Create<LatencySnapshot>(observer =>
        {
            var gate = new object();
            var state = new SlidingLatencyWindow(window);
            var stopped = false;
            var timer = new SerialDisposable();
            var subscription = new SingleAssignmentDisposable();

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
                error =>
                {
                    lock (gate)
                    {
                        if (stopped) return;
                        stopped = true;
                        timer.Dispose();
                        observer.OnError(error);
                    }
                },
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
            return new CompositeDisposable(subscription, timer, Disposable.Create(() => { lock (gate) stopped = true; }));
        });
    }

    /// <summary><see cref="SlidingP95(IObservable{QueryMetric}, TimeSpan, TimeSpan, IScheduler)"/> with a 60 s window refreshed every second on <see cref="Scheduler.Default"/>.</summary>
    public static IObservable<LatencySnapshot> SlidingP95(this IObservable<QueryMetric> source) =>
        source.SlidingP95(DefaultWindow, DefaultRefresh, Scheduler.Default);
}
