using System.Globalization;
using Elex.Core.Telemetry;
using Elex.Dashboard.Components;

namespace Elex.Dashboard.Tests;

public sealed class LatencyChartTests : BunitContext
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static LatencySnapshot Snapshot(int second, long count, double p50Us, double p95Us) =>
        new(Start.AddSeconds(second), TimeSpan.FromSeconds(60), count, p50Us, p95Us, p95Us, 1, 0.9);

    [Fact]
    public void Draws_P50_and_P95_across_the_width_scaled_to_the_largest_P95()
    {
        LatencySnapshot[] history = [Snapshot(0, 3, 1_000, 2_000), Snapshot(1, 6, 1_500, 4_000), Snapshot(2, 30, 500, 1_000)];

        var cut = Render<LatencyChart>(p => p.Add(c => c.History, history));

        // The viewBox is 300 x 100, y grows downwards and the scale is the largest P95 plus 10 % headroom (4.4 ms).
        Assert.Equal("0 0 300 100", cut.Find("#latency-chart").GetAttribute("viewBox"));
        Assert.Equal("0,54.5 150,9.1 300,77.3", cut.Find("polyline.p95").GetAttribute("points"));
        Assert.Equal("0,77.3 150,65.9 300,88.6", cut.Find("polyline.p50").GetAttribute("points"));
        Assert.Equal("4.400 ms", cut.Find("text.scale").TextContent);

        // The largest value is the highest point of the chart, near the top; nothing is drawn outside it.
        var p95 = Points(cut.Find("polyline.p95").GetAttribute("points")!);
        var p50 = Points(cut.Find("polyline.p50").GetAttribute("points")!);
        var highest = p95.Concat(p50).MinBy(pt => pt.Y);
        Assert.Equal(p95[1], highest);
        Assert.InRange(highest.Y, 0, 10);
        Assert.All(p95.Concat(p50), pt => Assert.InRange(pt.Y, 0, 100));
        // P50 is never above P95 at the same moment.
        Assert.All(p50.Zip(p95), pair => Assert.True(pair.First.Y >= pair.Second.Y));
    }

    [Fact]
    public void The_figures_are_the_latest_snapshot()
    {
        LatencySnapshot[] history = [Snapshot(0, 3, 1_000, 2_000), Snapshot(1, 30, 512, 1_024)];

        var cut = Render<LatencyChart>(p => p.Add(c => c.History, history));

        Assert.Equal("0.512 ms", cut.Find("#p50").TextContent);
        Assert.Equal("1.024 ms", cut.Find("#p95").TextContent);
        Assert.Equal("0.50", cut.Find("#throughput").TextContent); // 30 queries in a 60 s window
        Assert.Equal("30", cut.Find("#latency-count").TextContent);
    }

    [Fact]
    public void A_new_history_redraws_the_chart()
    {
        var cut = Render<LatencyChart>(p => p.Add(c => c.History, [Snapshot(0, 1, 1_000, 1_000), Snapshot(1, 2, 1_000, 1_000)]));
        Assert.Equal("0,9.1 300,9.1", cut.Find("polyline.p95").GetAttribute("points"));

        // A slower query arrives: the scale grows and the earlier points sink.
        cut.Render(p => p.Add(c => c.History, [Snapshot(0, 1, 1_000, 1_000), Snapshot(1, 2, 1_000, 1_000), Snapshot(2, 3, 1_000, 10_000)]));

        Assert.Equal("0,90.9 150,90.9 300,9.1", cut.Find("polyline.p95").GetAttribute("points"));
        Assert.Equal("11.000 ms", cut.Find("text.scale").TextContent);
    }

    [Fact]
    public void An_empty_history_draws_nothing_and_reads_zero()
    {
        var cut = Render<LatencyChart>(p => p.Add(c => c.History, []));

        Assert.Equal("", cut.Find("polyline.p95").GetAttribute("points"));
        Assert.Equal("", cut.Find("polyline.p50").GetAttribute("points"));
        Assert.Equal("0.000 ms", cut.Find("#p50").TextContent);
        Assert.Equal("0.000 ms", cut.Find("#p95").TextContent);
        Assert.Equal("0.00", cut.Find("#throughput").TextContent);
        Assert.Equal("0", cut.Find("#latency-count").TextContent);
    }

    private static List<(double X, double Y)> Points(string points) =>
    [
        .. points.Split(' ').Select(p => p.Split(',')).Select(xy =>
            (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture))),
    ];
}
