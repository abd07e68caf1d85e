using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Core.Telemetry;

namespace Elex.Core.Tests.Telemetry;

public class SlidingLatencyWindowTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch.AddHours(1);

    private static QueryMetric Metric(string responseId, ResponseStatus status = ResponseStatus.Answered) =>
        new(T0, 100, 0.9f, "agent", "FAJ 121 3094", QueryType.General, Complexity.Simple, status == ResponseStatus.Answered, status, "q", responseId);

    [Fact]
    public void ARating_ChangesTheSuccessRateOfTheSamplesInTheWindow()
    {
        var window = new SlidingLatencyWindow(TimeSpan.FromSeconds(60));
        window.Add(T0, Metric("r-1"));
        window.Add(T0, Metric("r-2"));
        Assert.True(window.Rate("r-1", success: false));
        Assert.Equal(0.5, window.Snapshot(T0).SuccessRate);
        Assert.False(window.Rate("r-1", success: false)); // nothing changes
        Assert.True(window.Rate("r-1", success: true));
        Assert.Equal(1.0, window.Snapshot(T0).SuccessRate);
        Assert.False(window.Rate("r-unknown", success: false));
        Assert.False(window.Rate("r-2", success: true));
    }

    [Fact]
    public void ARatedSample_LeavesTheWindowWithoutDisturbingTheCount()
    {
        var window = new SlidingLatencyWindow(TimeSpan.FromSeconds(60));
        window.Add(T0, Metric("r-1"));
        window.Add(T0.AddSeconds(30), Metric("r-2"));
        window.Rate("r-1", success: false);
        Assert.Equal(1, window.Evict(T0.AddSeconds(61)));
        var snapshot = window.Snapshot(T0.AddSeconds(61));
        Assert.Equal((1L, 1.0), (snapshot.Count, snapshot.SuccessRate));
        Assert.False(window.Rate("r-1", success: true)); // gone with its sample
    }

    [Fact]
    public void AnUnansweredQuery_RatedSuccessful_StaysUnsuccessful()
    {
        var window = new SlidingLatencyWindow(TimeSpan.FromSeconds(60));
        window.Add(T0, Metric("r-1", ResponseStatus.Unsure));
        Assert.False(window.Rate("r-1", success: true));
        Assert.Equal(0.0, window.Snapshot(T0).SuccessRate);
    }

    [Fact]
    public void ManySamples_GrowTheRing_InOrder()
    {
        var window = new SlidingLatencyWindow(TimeSpan.FromSeconds(1000));
        for (var i = 0; i < 300; i++) window.Add(T0.AddSeconds(i), Metric($"r-{i}"));
        Assert.Equal(100, window.Evict(T0.AddSeconds(1099)));
        Assert.Equal(200, window.Count);
        Assert.True(window.Rate("r-299", success: false));
        Assert.False(window.Rate("r-99", success: false));
        Assert.Equal(199.0 / 200, window.Snapshot(T0.AddSeconds(1099)).SuccessRate);
    }
}
