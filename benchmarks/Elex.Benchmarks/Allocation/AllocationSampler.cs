using System.Diagnostics.Tracing;

namespace Elex.Benchmarks.Allocation;

/// <summary>
/// Which types a stretch of work allocates, from the runtime's own allocation ticks (one event per
/// ~100 KB allocated, naming the type that crossed the mark): a sample, so shares are estimates, but
/// unbiased ones over a long enough run.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int AllocationTickEventId = 10;
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private volatile bool _recording;

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    /// <summary>The sampled bytes by type, largest first, with each type's share of all sampled bytes.</summary>
    public IReadOnlyList<(string Type, double Share)> Shares()
    {
        lock (_gate)
        {
            var total = _bytesByType.Values.Sum();
            return total == 0 ? [] : _bytesByType.OrderByDescending(p => p.Value).Select(p => (p.Key, p.Value / (double)total)).ToList();
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventId != AllocationTickEventId || eventData.Payload is null || eventData.PayloadNames is null) return;
        var type = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 0;
        lock (_gate) _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
    }
}
