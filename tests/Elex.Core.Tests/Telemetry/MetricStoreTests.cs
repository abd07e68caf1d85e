using System.Text.Json;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Core.Telemetry;

namespace Elex.Core.Tests.Telemetry;

public class MetricStoreTests
{
    private static QueryMetric At(int second, double latency = 10) =>
        new(DateTimeOffset.UnixEpoch.AddSeconds(second), latency, 0.9f, "agent-FAJ_121_3094", "FAJ 121 3094", QueryType.Counter, Complexity.Simple, true, ResponseStatus.Answered);

    [Fact]
    public void Full_DropsOldestAndCounts()
    {
        var store = new MetricStore(capacity: 3);
        for (var i = 0; i < 5; i++) store.Add(At(i));
        Assert.Equal([2, 3, 4], store.All().Select(m => m.Timestamp.ToUnixTimeSeconds()));
        Assert.Equal(2, store.Dropped);
    }

    [Fact]
    public void InRange_IsHalfOpenAndOrdered()
    {
        var store = new MetricStore();
        for (var i = 0; i < 10; i++) store.Add(At(i));
        Assert.Equal([3, 4, 5], store.InRange(DateTimeOffset.UnixEpoch.AddSeconds(3), DateTimeOffset.UnixEpoch.AddSeconds(6)).Select(m => m.Timestamp.ToUnixTimeSeconds()));
        Assert.Throws<ArgumentException>(() => store.InRange(DateTimeOffset.UnixEpoch.AddSeconds(6), DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void ExportJson_IsValidAndComplete()
    {
        var store = new MetricStore();
        store.Add(At(1, 12.34));
        store.Add(At(2, 56.78));
        using var buffer = new MemoryStream();
        store.ExportJson(buffer);
        using var doc = JsonDocument.Parse(buffer.ToArray());
        Assert.Equal(2, doc.RootElement.GetProperty("count").GetInt32());
        var first = doc.RootElement.GetProperty("metrics")[0];
        Assert.Equal(12.3, first.GetProperty("latencyUs").GetDouble());
        Assert.Equal("Counter", first.GetProperty("queryType").GetString());
        Assert.Equal("FAJ 121 3094", first.GetProperty("featureCode").GetString());
    }

    [Fact]
    public void Clear_Empties()
    {
        var store = new MetricStore();
        store.Add(At(1));
        store.Clear();
        Assert.Empty(store.All());
    }
}
