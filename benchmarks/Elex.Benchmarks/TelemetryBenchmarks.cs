using System.Reactive.Subjects;
using BenchmarkDotNet.Attributes;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Core.Telemetry;
using Elex.Streams.Operators;

namespace Elex.Benchmarks;

/// <summary>SlidingP95 cost per metric event, with a window holding about 10,000 samples.</summary>
[MemoryDiagnoser]
public class TelemetryBenchmarks
{
    private readonly Subject<QueryMetric> _metrics = new();
    private IDisposable? _subscription;
    private LatencySnapshot _last;
    private int _i;

    [GlobalSetup]
    public void Setup()
    {
        _subscription = _metrics.SlidingP95(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), System.Reactive.Concurrency.Scheduler.Default).Subscribe(s => _last = s);
        for (var i = 0; i < 10_000; i++) _metrics.OnNext(Metric(i));
    }

    [GlobalCleanup]
    public void Cleanup() => _subscription?.Dispose();

    [Benchmark]
    public long SlidingP95PerEvent()
    {
        _metrics.OnNext(Metric(_i++));
        return _last.Count;
    }

    private static QueryMetric Metric(int i) =>
        new(DateTimeOffset.UtcNow, 5 + (i % 200), 0.8f, "agent-FAJ_121_3094", "FAJ 121 3094", QueryType.General, Complexity.Simple, true, ResponseStatus.Answered);
}
