using System.Diagnostics;
using System.Globalization;
using Elex.Benchmarks.Reporting;
using Elex.Benchmarks.Scaling;
using Elex.Core.Routing;
using Elex.Core.Vectors;

namespace Elex.Benchmarks.Vectors;

/// <summary>
/// The <c>hnsw-recall</c> mode: the router's HNSW settings (<see cref="RouterOptions.DefaultHnsw"/>)
/// on the kinds of vectors the router searches — the lexical vectors of a synthetic catalog's
/// features with generated questions as queries, and clustered 384- and 512-dimensional
/// embedding-like vectors — at 10,000 and 100,000 vectors: build time, recall@10 against exact
/// search and per-query P50/P95/P99 (k = 10); then the build of a 100,000-feature router.
/// Arguments: sizes, kinds (<c>lexical</c>, <c>clustered384</c>, <c>clustered512</c>,
/// <c>isotropic</c>), <c>sweep</c> for an ef sweep, <c>no-catalog</c> to skip the router build,
/// <c>m=</c>, <c>efc=</c>, <c>ef=</c>, <c>seeds=</c> to try other settings than the router's.
/// Build times are wall clock and, because the machine is shared, also process CPU time.
/// </summary>
public static class HnswRecallReport
{
    private const int K = 10;
    private const int QueryCount = 500;
    private const int TimedPasses = 3;
    private static readonly int[] EfSweep = [10, 20, 40, 64, 80, 128, 256];

    /// <summary>Runs the mode with its command-line arguments (after <c>hnsw-recall</c>).</summary>
    public static void Run(TextWriter output, string[] args)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(args);
        var sizes = args.Where(a => char.IsAsciiDigit(a[0])).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
        if (sizes.Count == 0) sizes = [10_000, 100_000];
        var kinds = args.Where(a => a is "lexical" or "clustered384" or "clustered512" or "isotropic").ToList();
        if (kinds.Count == 0) kinds = ["lexical", "clustered384", "clustered512"];
        var sweep = args.Contains("sweep");

        var options = RouterOptions.DefaultHnsw with
        {
            M = Setting(args, "m=", RouterOptions.DefaultHnsw.M),
            EfConstruction = Setting(args, "efc=", RouterOptions.DefaultHnsw.EfConstruction),
            EfSearch = Setting(args, "ef=", RouterOptions.DefaultHnsw.EfSearch),
            SparseSeeds = Setting(args, "seeds=", RouterOptions.DefaultHnsw.SparseSeeds),
        };
        output.WriteLine($"HNSW: M {options.M}, efConstruction {options.EfConstruction}, efSearch {options.EfSearch}, sparse seeds {options.SparseSeeds}" +
            $"{(options == RouterOptions.DefaultHnsw ? " (the router's)" : "")}; k {K}, {QueryCount} queries, {Environment.ProcessorCount} cores");
        var table = new MarkdownTable("vectors", "kind", "dims", "build s (CPU s)", "ef", "recall@10", "P50 µs", "P95 µs", "P99 µs");
        foreach (var size in sizes)
        {
            foreach (var kind in kinds)
            {
                var set = kind switch
                {
                    "lexical" => RecallSet.Lexical(size, QueryCount),
                    "clustered384" => RecallSet.Clustered(384, size, QueryCount),
                    "clustered512" => RecallSet.Clustered(512, size, QueryCount),
                    _ => RecallSet.Isotropic(512, size, QueryCount),
                };
                Measure(output, table, set, options, sweep);
            }
        }
        table.WriteTo(output);
        if (!args.Contains("no-catalog")) CatalogBuild(output, sizes.Max());
    }

    private static void Measure(TextWriter output, MarkdownTable table, RecallSet set, HnswOptions options, bool sweep)
    {
        var truth = Truth(set);
        // As the router builds it: all vectors at once, searched on every core.
        var cpu = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        var index = new HnswIndex(set.Dimensions, options);
        index.AddRange(set.Data);
        var build = $"{Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} ({(Environment.CpuUsage.TotalTime - cpu).TotalSeconds:0.0})";
        output.WriteLine($"{set.Count:N0} {set.Kind}: HNSW built in {build} s (load {Load()})");

        var efs = sweep ? EfSweep.Append(options.EfSearch).Distinct().Order().ToArray() : [options.EfSearch];
        var routers = options == RouterOptions.DefaultHnsw;
        var first = true;
        foreach (var ef in efs)
        {
            var (recall, latency) = Search(index, set, truth, ef);
            table.Row($"{set.Count:N0}", set.Kind, $"{set.Dimensions}", first ? build : "", ef == options.EfSearch && routers ? $"{ef} (router)" : $"{ef}",
                $"{recall:0.000}", $"{latency.P50:0.0}", $"{latency.P95:0.0}", $"{latency.P99:0.0}");
            first = false;
        }
    }

    private static (double Recall, Percentiles Latency) Search(HnswIndex index, RecallSet set, HashSet<int>[] truth, int ef)
    {
        var results = new VectorNeighbor[K];
        var queries = set.QueryCount;
        var warmUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        do
        {
            for (var q = 0; q < queries; q++) index.Search(set.Query(q), K, results, ef);
        }
        while (Stopwatch.GetTimestamp() < warmUntil);

        var hits = 0;
        var wanted = 0;
        var samples = new double[queries * TimedPasses];
        for (var pass = 0; pass < TimedPasses; pass++)
        {
            for (var q = 0; q < queries; q++)
            {
                var t = Stopwatch.GetTimestamp();
                var found = index.Search(set.Query(q), K, results, ef);
                samples[pass * queries + q] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
                if (pass > 0) continue;
                for (var i = 0; i < found; i++) if (truth[q].Contains(results[i].Id)) hits++;
                wanted += truth[q].Count;
            }
        }
        return ((double)hits / wanted, Percentiles.Of(samples));
    }

    /// <summary>The exact top 10 of every query (brute force; both cores, it is not timed).</summary>
    private static HashSet<int>[] Truth(RecallSet set)
    {
        var exact = new ExactVectorIndex(set.Dimensions);
        for (var i = 0; i < set.Count; i++) exact.Add(set.Vector(i));
        var truth = new HashSet<int>[set.QueryCount];
        Parallel.For(0, set.QueryCount, q =>
        {
            var results = new VectorNeighbor[K];
            var found = exact.Search(set.Query(q), K, results);
            var ids = new HashSet<int>();
            for (var i = 0; i < found; i++) ids.Add(results[i].Id);
            truth[q] = ids;
        });
        return truth;
    }

    /// <summary>Generates a catalog of <paramref name="features"/> and times the router build with default options (HNSW above 20,000 features).</summary>
    private static void CatalogBuild(TextWriter output, int features)
    {
        // Compile the build path first, so the timed build does not pay the JIT.
        FeatureRouter.Build(SyntheticCatalog.Generate(1_000));
        var started = Stopwatch.GetTimestamp();
        var catalog = SyntheticCatalog.Generate(features);
        var generateMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var cpu = Environment.CpuUsage.TotalTime;
        started = Stopwatch.GetTimestamp();
        var router = FeatureRouter.Build(catalog);
        var buildMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var cpuMs = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
        output.WriteLine($"catalog of {features:N0} features: generated in {generateMs / 1000:0.0} s; router ({router.Index.GetType().Name}) built in {buildMs / 1000:0.0} s, " +
            $"{cpuMs / 1000:0.0} s CPU (load {Load()})");
    }

    private static int Setting(string[] args, string prefix, int router) =>
        args.FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal)) is { } a ? int.Parse(a[prefix.Length..], CultureInfo.InvariantCulture) : router;

    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
