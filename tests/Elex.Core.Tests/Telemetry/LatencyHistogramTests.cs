using Elex.Core.Telemetry;

namespace Elex.Core.Tests.Telemetry;

public class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_WithinOnePercentOfExactNearestRank()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 10_000).Select(_ => Math.Exp(random.NextDouble() * 12)).ToList(); // 1 µs … 160 ms
        var histogram = new LatencyHistogram();
        values.ForEach(histogram.Add);
        var sorted = values.Order().ToList();
        foreach (var q in new[] { 0.5, 0.9, 0.95, 0.99, 1.0 })
        {
            var exact = sorted[(int)Math.Ceiling(q * sorted.Count) - 1];
            Assert.InRange(histogram.Percentile(q), exact * 0.99, exact * 1.01);
        }
    }

    [Fact]
    public void Percentiles_InOnePass_MatchNearestRank_AfterAWindowSlides_AndAtEveryQuantile()
    {
        // Many buckets and groups of buckets, samples retired as a window does, quantiles that fall in one group.
        var random = new Random(11);
        var values = Enumerable.Range(0, 20_000).Select(_ => Math.Exp(random.NextDouble() * 16 - 2)).ToList(); // 0.14 µs … 1.2 s
        var histogram = new LatencyHistogram();
        values.ForEach(histogram.Add);
        values.Take(7_000).ToList().ForEach(histogram.Remove);
        var sorted = values.Skip(7_000).Order().ToList();
        double[] quantiles = [0.001, 0.25, 0.5, 0.501, 0.502, 0.9, 0.95, 0.99, 0.999, 1.0];
        Span<double> results = stackalloc double[quantiles.Length];

        histogram.Percentiles(quantiles, results);

        for (var i = 0; i < quantiles.Length; i++)
        {
            var exact = sorted[(int)Math.Ceiling(quantiles[i] * sorted.Count) - 1];
            Assert.InRange(results[i], exact * 0.99, exact * 1.01);
            Assert.Equal(histogram.Percentile(quantiles[i]), results[i]);
        }
    }

    [Fact]
    public void Remove_RetiresSamples()
    {
        var histogram = new LatencyHistogram();
        histogram.Add(10);
        histogram.Add(1000);
        histogram.Remove(1000);
        Assert.Equal(1, histogram.Count);
        Assert.InRange(histogram.Percentile(0.99), 9.9, 10.1);
        Assert.Throws<InvalidOperationException>(() => histogram.Remove(1000));
    }

    [Fact]
    public void Empty_IsZero() => Assert.Equal(0, new LatencyHistogram().Percentile(0.95));

    [Fact]
    public void ExtremeValues_AreClampedNotLost()
    {
        var histogram = new LatencyHistogram();
        histogram.Add(double.NaN);
        histogram.Add(-5);
        histogram.Add(1e15);
        Assert.Equal(3, histogram.Count);
        histogram.Remove(double.NaN);
        histogram.Remove(-5);
        histogram.Remove(1e15);
        Assert.Equal(0, histogram.Count);
    }
}
