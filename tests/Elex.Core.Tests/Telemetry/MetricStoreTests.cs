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

    private static QueryMetric Answered(int second, string responseId, ResponseStatus status = ResponseStatus.Answered) =>
        At(second) with { Status = status, Success = status == ResponseStatus.Answered, QueryId = $"q-{second}", ResponseId = responseId };

    [Fact]
    public void Rate_AnAnswerRatedUnsuccessful_IsNoLongerASuccess_AndARerateRestoresIt()
    {
        var store = new MetricStore();
        store.Add(Answered(1, "r-1"));
        store.Add(Answered(2, "r-2"));
        Assert.True(store.Rate("r-1", success: false));
        Assert.Equal([false, true], store.All().Select(m => m.Success));
        Assert.True(store.Rate("r-1", success: true));
        Assert.Equal([true, true], store.All().Select(m => m.Success));
        Assert.False(store.Rate("r-unknown", success: false));
    }

    [Fact]
    public void Rate_NeverMakesAnUnansweredQuerySuccessful()
    {
        var store = new MetricStore();
        store.Add(Answered(1, "r-1", ResponseStatus.Unsure));
        store.Rate("r-1", success: true);
        Assert.False(Assert.Single(store.All()).Success);
    }

    [Fact]
    public void ExportJson_CarriesTheQueryAndResponseIds_AndTheRatedSuccess()
    {
        var store = new MetricStore();
        store.Add(Answered(1, "r-1"));
        store.Rate("r-1", success: false);
        using var buffer = new MemoryStream();
        store.ExportJson(buffer);
        using var doc = JsonDocument.Parse(buffer.ToArray());
        var metric = doc.RootElement.GetProperty("metrics")[0];
        Assert.Equal("q-1", metric.GetProperty("queryId").GetString());
        Assert.Equal("r-1", metric.GetProperty("responseId").GetString());
        Assert.False(metric.GetProperty("success").GetBoolean());
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
