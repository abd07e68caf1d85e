using System.Diagnostics;
using Elex.Core.Catalog;
using Elex.Core.Routing;

namespace Elex.Benchmarks;

/// <summary>
/// Per-query route latency percentiles: BenchmarkDotNet reports means over many calls, while the
/// goal is a percentile of single calls, so each question is timed on its own here (after warm-up).
/// </summary>
public static class LatencyReport
{
    public static void Run(TextWriter output)
    {
        var started = Stopwatch.GetTimestamp();
        var catalog = BenchmarkData.Catalog();
        var loaded = Stopwatch.GetElapsedTime(started);
        var router = FeatureRouter.Build(catalog);
        var built = Stopwatch.GetElapsedTime(started) - loaded;
        output.WriteLine($"catalog: {catalog.Source} ({catalog.Count} features); cold load {loaded.TotalMilliseconds:0} ms + router build {built.TotalMilliseconds:0} ms = {(loaded + built).TotalMilliseconds:0} ms");

        var again = Stopwatch.GetTimestamp();
        var warmCatalog = BenchmarkData.Catalog();
        var warmLoad = Stopwatch.GetElapsedTime(again);
        FeatureRouter.Build(warmCatalog);
        var warmTotal = Stopwatch.GetElapsedTime(again);
        output.WriteLine($"same again in the warm process: load {warmLoad.TotalMilliseconds:0} ms + build {(warmTotal - warmLoad).TotalMilliseconds:0} ms = {warmTotal.TotalMilliseconds:0} ms");

        var questions = BenchmarkData.Questions(catalog);
        // Warm up long enough for tiered JIT to promote the hot path (a steady-state service's view).
        var warmUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 3;
        while (Stopwatch.GetTimestamp() < warmUntil) foreach (var q in questions) router.Route(q);
        var samples = new double[questions.Length * 5];
        var n = 0;
        for (var round = 0; round < 5; round++)
        {
            foreach (var q in questions)
            {
                var t = Stopwatch.GetTimestamp();
                router.Route(q);
                samples[n++] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
            }
        }
        Array.Sort(samples);
        output.WriteLine($"route latency over {n} calls: P50 {Percentile(samples, 0.50):0.0} µs, P95 {Percentile(samples, 0.95):0.0} µs, P99 {Percentile(samples, 0.99):0.0} µs, max {samples[^1]:0.0} µs");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
