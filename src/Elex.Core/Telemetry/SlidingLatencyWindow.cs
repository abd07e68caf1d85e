namespace Elex.Core.Telemetry;

/// <summary>
/// The metrics of the last <see cref="Window"/> of time: samples enter with their arrival time and
/// leave once older than the window. A rating of a sample's response changes whether it counts as a
/// success while it is in the window. Not thread-safe; the stream operator serialises access.
/// Memory is 32 bytes per sample in the window plus a fixed histogram. A sample holds no reference
/// (its response is known by a 64-bit key, not its id string): at tens of thousands of answers a
/// second the ring holds millions of samples, and a ring of references into young strings would make
/// every young-generation collection scan it.
/// </summary>
internal sealed class SlidingLatencyWindow(TimeSpan window)
{
    private const int InitialCapacity = 64;
    // A ring rather than a Queue: a rating updates a sample in place.
    private Sample[] _samples = new Sample[InitialCapacity];
    private int _head;
    private int _count;
    private readonly LatencyHistogram _histogram = new();
    private long _successes;
    private double _confidenceSum;

    /// <summary>The window length.</summary>
    public TimeSpan Window { get; } = window > TimeSpan.Zero ? window : throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be positive.");

    /// <summary>Samples in the window.</summary>
    public int Count => _count;

    /// <summary>Adds a sample that arrived at <paramref name="at"/>.</summary>
    public void Add(DateTimeOffset at, QueryMetric metric)
    {
        if (_count == _samples.Length) Grow();
        _samples[(_head + _count) % _samples.Length] = new Sample(at.UtcTicks, metric.LatencyUs, metric.Confidence, metric.Success, metric.Status == Responses.ResponseStatus.Answered, KeyOf(metric.ResponseId));
        _count++;
        _histogram.Add(metric.LatencyUs);
        if (metric.Success) _successes++;
        _confidenceSum += metric.Confidence;
    }

    /// <summary>
    /// Applies a rating to the sample of its response, if it is still in the window: an answer rated
    /// unsuccessful stops counting as a success (and counts again if re-rated successful). True when
    /// the success rate changed.
    /// </summary>
    public bool Rate(string responseId, bool success)
    {
        ArgumentNullException.ThrowIfNull(responseId);
        var key = KeyOf(responseId);
        for (var i = _count - 1; i >= 0; i--)
        {
            ref var sample = ref _samples[(_head + i) % _samples.Length];
            if (sample.ResponseKey != key) continue;
            var now = sample.Answered && success;
            if (now == sample.Success) return false;
            sample.Success = now;
            _successes += now ? 1 : -1;
            return true;
        }
        return false;
    }

    /// <summary>Retires samples that arrived at or before <paramref name="now"/> minus the window; returns how many.</summary>
    public int Evict(DateTimeOffset now)
    {
        if (now.UtcTicks <= Window.Ticks) return 0; // nothing can be older than the window yet
        var cutoff = (now - Window).UtcTicks;
        var evicted = 0;
        while (_count > 0 && _samples[_head].ArrivedTicks <= cutoff)
        {
            ref var oldest = ref _samples[_head];
            _histogram.Remove(oldest.LatencyUs);
            if (oldest.Success) _successes--;
            _confidenceSum -= oldest.Confidence;
            oldest = default;
            _head = (_head + 1) % _samples.Length;
            _count--;
            evicted++;
        }
        if (_count == 0) _confidenceSum = 0;
        return evicted;
    }

    /// <summary>The statistics now.</summary>
    public LatencySnapshot Snapshot(DateTimeOffset now)
    {
        Span<double> p = stackalloc double[3];
        _histogram.Percentiles([0.50, 0.95, 0.99], p);
        return new LatencySnapshot(now, Window, _count, p[0], p[1], p[2],
            _count == 0 ? 0 : (double)_successes / _count,
            _count == 0 ? 0 : _confidenceSum / _count);
    }

    private void Grow()
    {
        var larger = new Sample[_samples.Length * 2];
        for (var i = 0; i < _count; i++) larger[i] = _samples[(_head + i) % _samples.Length];
        _samples = larger;
        _head = 0;
    }

    // Two independent 32-bit hashes: two ids of one minute's answers share a key with odds of about 2^-40.
    private static ulong KeyOf(string? responseId) =>
        responseId is null ? 0 : (ulong)Text.StableHash.Fnv1a(responseId) << 32 | Text.StableHash.Fnv1a(responseId, 0x9E3779B9);

    private struct Sample(long arrivedTicks, double latencyUs, float confidence, bool success, bool answered, ulong responseKey)
    {
        public readonly long ArrivedTicks = arrivedTicks;
        public readonly double LatencyUs = latencyUs;
        public readonly float Confidence = confidence;
        public bool Success = success;
        public readonly bool Answered = answered;
        public readonly ulong ResponseKey = responseKey;
    }
}
