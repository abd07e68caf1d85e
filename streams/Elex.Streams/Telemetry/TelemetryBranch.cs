using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Elex.Core.Agents;
using Elex.Core.Learning;
using Elex.Core.Responses;
using Elex.Core.Telemetry;
using Elex.Streams.Operators;
using Elex.Streams.Persistence;

namespace Elex.Streams.Telemetry;

/// <summary>
/// Every answer is measured once, here, and that one measurement feeds the swarm's tally (stats), the
/// Meter and — as a <see cref="QueryMetric"/> — the retained store and the SlidingP95 window:
/// answer ─► tally ─► stats
///        └► (telemetry on) ─► Meter + activity
///                         └► metric ─┬► MetricStore
///                                    └► SlidingP95 (+ ratings) ─► Latency ─► Stats
/// </summary>
internal sealed class TelemetryBranch : IDisposable
{
    private readonly SwarmConfig _config;
    private readonly SwarmInstrumentation _instrumentation = new();
    private readonly Subject<QueryMetric> _metrics = new();
    private readonly Subject<MetricRating> _ratings = new();
    private readonly BehaviorSubject<LatencySnapshot> _latency;
    private readonly IDisposable _wiring;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly Lock _tallyGate = new();
    private long _answered;
    private long _successes;
    private double _latencySumUs;

    public TelemetryBranch(SwarmConfig config, IScheduler scheduler)
    {
        _config = config;
        Store = new MetricStore(config.MetricRetention);
        _latency = new BehaviorSubject<LatencySnapshot>(new LatencySnapshot(scheduler.Now, config.TelemetryWindow, 0, 0, 0, 0, 0, 0));
        _wiring = new CompositeDisposable(
            _metrics.Subscribe(Store.Add),
            _metrics.SlidingP95(_ratings, config.TelemetryWindow, config.TelemetryRefresh, scheduler).Subscribe(_latency));
    }

    public MetricStore Store { get; }

    public IObservable<LatencySnapshot> Latency => _latency.AsObservable();

    public void Record(QueryResponse response, Activity? activity)
    {
        Interlocked.Increment(ref _answered);
        if (response.Status == ResponseStatus.Answered) Interlocked.Increment(ref _successes);
        lock (_tallyGate) _latencySumUs += response.LatencyUs;
        if (!_config.EnableTelemetry) return;
        _instrumentation.Record(response, activity);
        _metrics.OnNext(QueryMetric.From(response));
    }

    public void RecordFeedback(bool success) => _instrumentation.RecordFeedback(success);

    public void RecordPersist(PersistOutcome<string> outcome) => _instrumentation.RecordPersist(outcome);

    // A rating makes an answer a success or not: the swarm's count (for responses of this run, the only
    // ones it counted), the retained metric and the live window follow it.
    public void Rate(FeedbackResult result, string responseId, Rating rating)
    {
        if (!result.FromEarlierRun && result.SuccessChange != 0) Interlocked.Add(ref _successes, result.SuccessChange);
        if (!_config.EnableTelemetry) return;
        Store.Rate(responseId, rating.Success);
        _ratings.OnNext(new MetricRating(responseId, rating.Success));
    }

    public SwarmStats Stats(RegistryStats registry)
    {
        var answered = Interlocked.Read(ref _answered);
        double latencySum;
        lock (_tallyGate) latencySum = _latencySumUs;
        return new SwarmStats(registry.Known, registry.Loaded, answered, Interlocked.Read(ref _successes),
            answered == 0 ? 0 : latencySum / answered / 1000.0, registry.HitRate, registry.Evictions,
            GC.GetTotalMemory(false) / (1024.0 * 1024.0), Stopwatch.GetElapsedTime(_startedAt).TotalMilliseconds,
            _config.Topology switch { SwarmTopology.Mesh => "mesh", SwarmTopology.Hierarchical => "hierarchical", _ => "hierarchical_mesh" },
            _latency.Value);
    }

    public void Dispose()
    {
        _wiring.Dispose();
        _ratings.OnCompleted();
        _latency.OnCompleted();
        _instrumentation.Dispose();
    }
}
