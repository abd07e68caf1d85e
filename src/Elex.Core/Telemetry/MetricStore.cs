using System.Text.Json;

namespace Elex.Core.Telemetry;

/// <summary>
/// The most recent query metrics, bounded: when full, the oldest are dropped. Supports the seed's
/// time-range query and JSON export. Thread-safe.
/// </summary>
public sealed class MetricStore
{
    private readonly Lock _gate = new();
    private readonly QueryMetric[] _ring;
    private int _start;
    private int _count;
    private long _dropped;

    /// <summary>Creates a store keeping at most <paramref name="capacity"/> metrics.</summary>
    public MetricStore(int capacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new QueryMetric[capacity];
    }

    /// <summary>Most metrics kept.</summary>
    public int Capacity => _ring.Length;

    /// <summary>Metrics held.</summary>
    public int Count
    {
        get { lock (_gate) return _count; }
    }

    /// <summary>Metrics dropped because the store was full.</summary>
    public long Dropped
    {
        get { lock (_gate) return _dropped; }
    }

    /// <summary>Records a metric.</summary>
    public void Add(QueryMetric metric)
    {
        lock (_gate)
        {
            if (_count == _ring.Length)
            {
                _ring[_start] = metric;
                _start = (_start + 1) % _ring.Length;
                _dropped++;
                return;
            }
            _ring[(_start + _count) % _ring.Length] = metric;
            _count++;
        }
    }

    /// <summary>
    /// Applies a rating to the metric of its response (newest first, since ratings follow answers):
    /// an answer rated unsuccessful stops counting as a success. False when no metric held has that response id.
    /// </summary>
    public bool Rate(string responseId, bool success)
    {
        ArgumentNullException.ThrowIfNull(responseId);
        lock (_gate)
        {
            for (var i = _count - 1; i >= 0; i--)
            {
                ref var metric = ref _ring[(_start + i) % _ring.Length];
                if (metric.ResponseId != responseId) continue;
                metric = metric.RatedAs(success);
                return true;
            }
            return false;
        }
    }

    /// <summary>Every metric held, oldest first.</summary>
    public IReadOnlyList<QueryMetric> All() => InRange(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    /// <summary>Metrics with <paramref name="from"/> ≤ timestamp &lt; <paramref name="to"/>, oldest first.</summary>
    public IReadOnlyList<QueryMetric> InRange(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from) throw new ArgumentException($"The range ends ({to:O}) before it starts ({from:O}).", nameof(to));
        var result = new List<QueryMetric>();
        lock (_gate)
        {
            for (var i = 0; i < _count; i++)
            {
                var m = _ring[(_start + i) % _ring.Length];
                if (m.Timestamp >= from && m.Timestamp < to) result.Add(m);
            }
        }
        return result;
    }

    /// <summary>Removes every metric.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _start = 0;
            _count = 0;
            Array.Clear(_ring);
        }
    }

    /// <summary>
    /// Writes the metrics held as a JSON document: {"count", "dropped", "metrics": [{"timestamp", "queryId",
    /// "responseId", "latencyUs", "confidence", "agentId", "featureCode", "queryType", "complexity", "success", "status"}]}.
    /// </summary>
    public void ExportJson(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var metrics = All();
        using var w = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("count", metrics.Count);
        w.WriteNumber("dropped", Dropped);
        w.WriteStartArray("metrics");
        foreach (var m in metrics)
        {
            w.WriteStartObject();
            w.WriteString("timestamp", m.Timestamp);
            w.WriteString("queryId", m.QueryId);
            w.WriteString("responseId", m.ResponseId);
            w.WriteNumber("latencyUs", Math.Round(m.LatencyUs, 1));
            w.WriteNumber("confidence", Math.Round(m.Confidence, 4));
            w.WriteString("agentId", m.AgentId);
            w.WriteString("featureCode", m.FeatureCode);
            w.WriteString("queryType", m.QueryType.ToString());
            w.WriteString("complexity", m.Complexity.ToString());
            w.WriteBoolean("success", m.Success);
            w.WriteString("status", m.Status.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
