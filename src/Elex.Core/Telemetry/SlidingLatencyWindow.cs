namespace Elex.Core.Telemetry;

/// <summary>
/// The metrics of the last <see cref="Window"/> of time: samples enter with their arrival time and
/// leave once older than the window. Not thread-safe; the stream operator serialises access.
/// Memory is 24 bytes per sample in the window plus a fixed histogram.
/// </summary>
public sealed class SlidingLatencyWindow(TimeSpan window)
{
    private readonly Queue<(DateTimeOffset At, double LatencyUs, bool Success, float Confidence)> _samples = new();
    private readonly LatencyHistogram _histogram = new();
    private long _successes;
    private double _confidenceSum;

    /// <summary>The window length.</summary>
    public TimeSpan Window { get; } = window > TimeSpan.Zero ? window : throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be positive.");

    /// <summary>Samples in the window.</summary>
    public int Count => _samples.Count;

    /// <summary>Adds a sample that arrived at <paramref name="at"/>.</summary>
    public void Add(DateTimeOffset at, QueryMetric metric)
    {
        _samples.Enqueue((at, metric.LatencyUs, metric.Success, metric.Confidence));
        _histogram.Add(metric.LatencyUs);
        if (metric.Success) _successes++;
        _confidenceSum += metric.Confidence;
    }

    /// <summary>Retires samples that arrived at or before <paramref name="now"/> minus the window; returns how many.</summary>
    public int Evict(DateTimeOffset now)
    {
        if (now.UtcTicks <= Window.Ticks) return 0; // nothing can be older than the window yet
        var cutoff = now - Window;
        var evicted = 0;
        while (_samples.TryPeek(out var oldest) && oldest.At <= cutoff)
        {
            _samples.Dequeue();
            _histogram.Remove(oldest.LatencyUs);
            if (oldest.Success) _successes--;
            _confidenceSum -= oldest.Confidence;
            evicted++;
        }
        if (_samples.Count == 0) _confidenceSum = 0;
        return evicted;
    }

    /// <summary>The statistics now.</summary>
    public LatencySnapshot Snapshot(DateTimeOffset now)
    {
        Span<double> p = stackalloc double[3];
        _histogram.Percentiles([0.50, 0.95, 0.99], p);
        var count = _samples.Count;
        return new LatencySnapshot(now, Window, count, p[0], p[1], p[2],
            count == 0 ? 0 : (double)_successes / count,
            count == 0 ? 0 : _confidenceSum / count);
    }
}
