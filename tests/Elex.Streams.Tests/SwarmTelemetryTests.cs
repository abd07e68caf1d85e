using System.Diagnostics;
using System.Diagnostics.Metrics;
using Elex.Core.Telemetry;
using Elex.Streams.Telemetry;

namespace Elex.Streams.Tests;

public class SwarmTelemetryTests
{
    private static Task<ElexSwarm> NewSwarmAsync(SwarmConfig? config = null) => TestCatalog.NewSwarmAsync(config);

    [Fact]
    public async Task Latency_StartsEmptyThenReflectsAnsweredQueries()
    {
        await using var swarm = await NewSwarmAsync();
        var snapshots = new List<LatencySnapshot>();
        using var _ = swarm.Latency.Subscribe(snapshots.Add);
        Assert.Equal(0, Assert.Single(snapshots).Count);
        await swarm.QueryAsync("what is MSM?");
        await swarm.QueryAsync("   ");
        Assert.Equal(2, snapshots[^1].Count);
        Assert.Equal(0.5, snapshots[^1].SuccessRate);
        Assert.True(snapshots[^1].P95Us > 0);
    }

    [Fact]
    public async Task Telemetry_RetainsMetricsForRangeQueriesAndExport()
    {
        await using var swarm = await NewSwarmAsync(new SwarmConfig { MetricRetention = 2 });
        for (var i = 0; i < 3; i++) await swarm.QueryAsync("what is MSM?");
        Assert.Equal(2, swarm.Telemetry.Count);
        Assert.Equal(1, swarm.Telemetry.Dropped);
        Assert.Equal(2, swarm.Telemetry.InRange(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Count);
    }

    [Fact]
    public async Task SwarmStats_CountQueriesAgentsAndSuccess()
    {
        // Greedy policy: no exploratory ConsultPeer, which would load the runner-up agent too.
        await using var swarm = await NewSwarmAsync(new SwarmConfig { MaxAgents = 1, Learning = new Elex.Core.Learning.QLearningOptions { Epsilon = 0, MinEpsilon = 0 } });
        await swarm.QueryAsync("what is MSM?");
        await swarm.QueryAsync("what is IFLB?");
        await swarm.QueryAsync("   ");
        var stats = swarm.GetSwarmStats();
        Assert.Equal((TestCatalog.Sample.Count, 1, 3L, 2L, 1L), (stats.TotalAgents, stats.ActiveAgents, stats.TotalQueries, stats.TotalSuccesses, stats.Evictions));
        Assert.Equal("hierarchical_mesh", stats.Topology);
        Assert.Equal(3, stats.Latency.Count);
        Assert.True(stats.UptimeMs > 0);
    }

    [Fact]
    public async Task Activity_OnePerQueryWithFeatureAndStatus()
    {
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == SwarmInstrumentation.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (stopped) stopped.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);
        await using var swarm = await NewSwarmAsync();
        var response = await swarm.QueryAsync(new Elex.Core.Queries.Query("what is MSM?", id: "traced-1"));
        Activity activity;
        lock (stopped) activity = Assert.Single(stopped, a => (string?)a.GetTagItem("elex.query.id") == "traced-1");
        Assert.Equal("elex.query", activity.OperationName);
        Assert.Equal("FAJ 121 3094", activity.GetTagItem("elex.feature"));
        Assert.Equal("Answered", activity.GetTagItem("elex.status"));
        Assert.Equal(response.FeatureCode, activity.GetTagItem("elex.feature"));
    }

    [Fact]
    public async Task Meter_RecordsLatencyAndCounts()
    {
        var latencies = new List<double>();
        var errors = 0L;
        using var listener = new MeterListener();
        SwarmConfig config = new();
        await using var swarm = await NewSwarmAsync(config);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SwarmInstrumentation.Name) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => { if (i.Name == "elex.query.latency") lock (latencies) latencies.Add(v); });
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => { if (i.Name == "elex.query.errors") Interlocked.Add(ref errors, v); });
        listener.Start();
        await swarm.QueryAsync("what is MSM?");
        await swarm.QueryAsync("  ");
        lock (latencies) Assert.True(latencies.Count >= 2);
        Assert.True(Interlocked.Read(ref errors) >= 1);
    }

    [Fact]
    public async Task Stats_Observable_FollowsTheWindow()
    {
        await using var swarm = await NewSwarmAsync();
        var seen = new List<long>();
        using var _ = swarm.Stats.Subscribe(s => seen.Add(s.TotalQueries));
        await swarm.QueryAsync("what is MSM?");
        Assert.Equal([0L, 1L], seen);
    }

    [Fact]
    public async Task Dispose_CompletesLatency()
    {
        var swarm = await NewSwarmAsync();
        var completed = false;
        using var _ = swarm.Latency.Subscribe(_ => { }, () => completed = true);
        await swarm.DisposeAsync();
        Assert.True(completed);
    }
}
