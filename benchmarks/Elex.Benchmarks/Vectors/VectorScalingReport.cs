using System.Diagnostics;
using System.Runtime.CompilerServices;
using Elex.Benchmarks.Reporting;
using Elex.Core.Routing;
using Elex.Core.Vectors;

namespace Elex.Benchmarks.Vectors;

/// <summary>
/// The <c>vectors</c> mode: <see cref="HnswIndex"/> (the router's settings,
/// <see cref="RouterOptions.DefaultHnsw"/>, built as the router builds it) against exact brute
/// force (<see cref="ExactVectorIndex"/>) on synthetic 512-dimensional dense
/// vectors — build time, managed memory, per-query latency percentiles and recall@10 over an ef sweep.
/// </summary>
public static class VectorScalingReport
{
    private const int Dimensions = 512;
    private const int Queries = 500;
    private const int K = 10;
    private static readonly int[] EfSweep = [10, 20, 40, 80, 160, 320];

    /// <summary>Runs 593, 10,000 and <paramref name="largest"/> vectors of each distribution requested.</summary>
    public static void Run(TextWriter output, int largest, VectorDistribution? only = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var table = new MarkdownTable("vectors", "distribution", "index", "build ms", "MB", "ef", "recall@10", "P50 µs", "P95 µs", "P99 µs");
        foreach (var distribution in only is { } d ? [d] : new[] { VectorDistribution.Clustered, VectorDistribution.Isotropic })
        {
            foreach (var n in new[] { 593, 10_000, largest }.Distinct())
            {
                Measure(output, table, n, distribution);
            }
        }
        table.WriteTo(output);
    }

    private static void Measure(TextWriter output, MarkdownTable table, int n, VectorDistribution distribution)
    {
        var generator = new SyntheticVectors(Dimensions, distribution);
        var data = generator.Next(n);
        var queries = generator.Next(Queries);

        var samples = new double[Queries];
        var results = new VectorNeighbor[K];
        var truth = Exact(table, n, distribution, data, queries, samples, out var exactLatency);

        var before = ManagedBytes();
        var started = Stopwatch.GetTimestamp();
        var hnsw = new HnswIndex(Dimensions, RouterOptions.DefaultHnsw);
        hnsw.AddRange(data.AsSpan(0, n * Dimensions));
        var hnswBuild = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var hnswBytes = ManagedBytes() - before;
        output.WriteLine($"{n:N0} {distribution}: exact P95 {exactLatency.P95:0.0} µs; HNSW built in {hnswBuild / 1000:0.0} s");

        foreach (var ef in EfSweep)
        {
            WarmUp(q => hnsw.Search(Query(queries, q), K, results, ef));
            var hits = 0;
            for (var q = 0; q < Queries; q++)
            {
                var t = Stopwatch.GetTimestamp();
                var found = hnsw.Search(Query(queries, q), K, results, ef);
                samples[q] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
                for (var i = 0; i < found; i++) if (Array.IndexOf(truth[q], results[i].Id) >= 0) hits++;
            }
            var latency = Percentiles.Of(samples);
            table.Row($"{n:N0}", distribution.ToString(), $"HNSW M{hnsw.Options.M} efC{hnsw.Options.EfConstruction}", ef == EfSweep[0] ? $"{hnswBuild:0}" : "", ef == EfSweep[0] ? $"{hnswBytes / 1e6:0.0}" : "",
                ef.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{(double)hits / (Queries * Math.Min(K, n)):0.000}",
                $"{latency.P50:0.0}", $"{latency.P95:0.0}", $"{latency.P99:0.0}");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int[][] Exact(MarkdownTable table, int n, VectorDistribution distribution, float[] data, float[] queries, double[] samples, out Percentiles exactLatency)
    {
        var before = ManagedBytes();
        var started = Stopwatch.GetTimestamp();
        var exact = new ExactVectorIndex(Dimensions);
        for (var i = 0; i < n; i++) exact.Add(data.AsSpan(i * Dimensions, Dimensions));
        var exactBuild = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var exactBytes = ManagedBytes() - before;

        var truth = new int[Queries][];
        var results = new VectorNeighbor[K];
        WarmUp(q => exact.Search(Query(queries, q), K, results));
        for (var q = 0; q < Queries; q++)
        {
            var t = Stopwatch.GetTimestamp();
            var found = exact.Search(Query(queries, q), K, results);
            samples[q] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
            truth[q] = results[..found].Select(r => r.Id).ToArray();
        }
        exactLatency = Percentiles.Of(samples);
        table.Row($"{n:N0}", distribution.ToString(), "exact (brute force)", $"{exactBuild:0}", $"{exactBytes / 1e6:0.0}", "—", "1.000",
            $"{exactLatency.P50:0.0}", $"{exactLatency.P95:0.0}", $"{exactLatency.P99:0.0}");
        return truth;
    }

    /// <summary>At least one pass and one second of searches, so tiered JIT has promoted the search loop.</summary>
    private static void WarmUp(Action<int> search)
    {
        var until = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        do
        {
            for (var q = 0; q < Queries; q++) search(q);
        }
        while (Stopwatch.GetTimestamp() < until);
    }

    private static ReadOnlySpan<float> Query(float[] queries, int q) => queries.AsSpan(q * Dimensions, Dimensions);

    private static long ManagedBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }
}
