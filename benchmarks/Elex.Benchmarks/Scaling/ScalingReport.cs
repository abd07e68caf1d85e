using System.Diagnostics;
using System.Globalization;
using Elex.Benchmarks.Peers;
using Elex.Benchmarks.Reporting;
using Elex.Core.Catalog;
using Elex.Core.Routing;

namespace Elex.Benchmarks.Scaling;

/// <summary>
/// The <c>scaling</c> mode: the real catalog and synthetic ones of 10,000 and 100,000 features —
/// router build time, route latency percentiles and accuracy on generated questions (by name,
/// acronym, parameter), managed memory after the build and bytes per feature; optionally the
/// Lucene.Net peer on the same catalogs (<c>scaling lucene</c>). Writes <c>docs/scaling.svg</c>.
/// </summary>
public static class ScalingReport
{
    private const int QuestionCount = 2000;
    private const int TimedPasses = 3;

    private sealed record Row(string Catalog, int Features, double LoadMs, double BuildMs, string Search, Percentiles Latency, AccuracyTally Accuracy,
        long CatalogBytes, long RouterBytes, double LuceneBuildMs, Percentiles? LuceneLatency, AccuracyTally? LuceneAccuracy);

    /// <summary>Runs the sizes in <paramref name="args"/> (default 593 10000 100000; 593 is the real catalog) and writes the table and plot.</summary>
    public static void Run(TextWriter output, string[] args)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(args);
        var withLucene = args.Contains("lucene");
        var sizes = args.Where(a => a != "lucene").Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
        if (sizes.Count == 0) sizes = [593, 10_000, 100_000];

        // Compile the build and route paths first, so the first size does not pay the JIT.
        var sample = SampleCatalog.Load();
        var warm = FeatureRouter.Build(sample);
        foreach (var q in GeneratedQuestions.For(sample, 200)) warm.Route(q.Text, 3);

        var rows = new List<Row>();
        foreach (var size in sizes)
        {
            rows.Add(Measure(size, withLucene));
            var r = rows[^1];
            output.WriteLine($"{r.Catalog}: build {r.BuildMs:0} ms, P50 {r.Latency.P50:0.0} µs, P95 {r.Latency.P95:0.0} µs, {(r.CatalogBytes + r.RouterBytes) / 1e6:0.0} MB");
        }

        var table = new MarkdownTable("catalog", "features", "catalog ms", "router build ms", "vector search", "route P50 µs", "route P95 µs", "route P99 µs",
            "top-1", "top-3", "catalog MB", "router MB", "bytes / feature (catalog + router)");
        foreach (var r in rows)
        {
            table.Row(r.Catalog, r.Features.ToString("N0", CultureInfo.InvariantCulture), $"{r.LoadMs:0}", $"{r.BuildMs:0}", r.Search,
                $"{r.Latency.P50:0.0}", $"{r.Latency.P95:0.0}", $"{r.Latency.P99:0.0}", $"{r.Accuracy.Top1Rate:0.000}", $"{r.Accuracy.Top3Rate:0.000}",
                $"{r.CatalogBytes / 1e6:0.0}", $"{r.RouterBytes / 1e6:0.0}", $"{(r.CatalogBytes + r.RouterBytes) / r.Features:N0} ({r.CatalogBytes / r.Features:N0} + {r.RouterBytes / r.Features:N0})");
        }
        table.WriteTo(output);
        if (withLucene)
        {
            var lucene = new MarkdownTable("catalog", "Lucene build ms", "Lucene P50 µs", "Lucene P95 µs", "Lucene top-1", "Lucene top-3");
            foreach (var r in rows)
                lucene.Row(r.Catalog, $"{r.LuceneBuildMs:0}", $"{r.LuceneLatency!.Value.P50:0.0}", $"{r.LuceneLatency.Value.P95:0.0}", $"{r.LuceneAccuracy!.Top1Rate:0.000}", $"{r.LuceneAccuracy.Top3Rate:0.000}");
            lucene.WriteTo(output);
        }
        WritePlot(output, rows, withLucene);
    }

    private static Row Measure(int size, bool withLucene)
    {
        var real = size == 593 && BenchmarkData.FullCatalogPath is not null;
        var b0 = ManagedMemory.Measure();
        var started = Stopwatch.GetTimestamp();
        var catalog = real ? BenchmarkData.Catalog() : SyntheticCatalog.Generate(size);
        var loadMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var b1 = ManagedMemory.Measure();
        started = Stopwatch.GetTimestamp();
        var router = FeatureRouter.Build(catalog);
        var buildMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var b2 = ManagedMemory.Measure();

        var questions = GeneratedQuestions.For(catalog, QuestionCount);
        var (latency, accuracy) = Time(catalog, questions, (q, into) =>
        {
            var result = router.Route(q, into.Length);
            var n = Math.Min(into.Length, result.Candidates.Count);
            for (var i = 0; i < n; i++) into[i] = result.Candidates[i].Ordinal;
            return n;
        });
        var search = catalog.Count <= new RouterOptions().ExactSearchLimit ? "exact (column-major)" : "HNSW";

        double luceneBuild = 0;
        Percentiles? luceneLatency = null;
        AccuracyTally? luceneAccuracy = null;
        if (withLucene)
        {
            started = Stopwatch.GetTimestamp();
            using var lucene = LuceneRouter.Build(catalog, LuceneAnalyzerKind.Standard);
            luceneBuild = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            (var l, luceneAccuracy) = Time(catalog, questions, lucene.Route);
            luceneLatency = l;
        }
        GC.KeepAlive(router);
        return new Row(real ? "real" : "synthetic", catalog.Count, loadMs, buildMs, search, latency, accuracy, b1 - b0, b2 - b1, luceneBuild, luceneLatency, luceneAccuracy);
    }

    private delegate int RouteInto(string question, Span<int> ordinals);

    private static (Percentiles, AccuracyTally) Time(FeatureCatalog catalog, IReadOnlyList<LabelledQuestion> questions, RouteInto route)
    {
        Span<int> ordinals = stackalloc int[3];
        var warmUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 2;
        do
        {
            foreach (var q in questions) route(q.Text, ordinals);
        }
        while (Stopwatch.GetTimestamp() < warmUntil);

        var accuracy = new AccuracyTally();
        var codes = new string[3];
        var samples = new double[questions.Count * TimedPasses];
        var n = 0;
        for (var pass = 0; pass < TimedPasses; pass++)
        {
            foreach (var q in questions)
            {
                var t = Stopwatch.GetTimestamp();
                var found = route(q.Text, ordinals);
                samples[n++] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
                if (pass > 0) continue;
                for (var i = 0; i < found; i++) codes[i] = catalog[ordinals[i]].Code.Value;
                accuracy.Add(q.Expect, codes.AsSpan(0, found));
            }
        }
        return (Percentiles.Of(samples), accuracy);
    }

    private static void WritePlot(TextWriter output, List<Row> rows, bool withLucene)
    {
        var sizes = rows.Select(r => (double)r.Features).ToList();
        var latency = new List<PlotSeries>
        {
            new("ours P50", "#1f77b4", rows.Select(r => r.Latency.P50).ToArray()),
            new("ours P95", "#d62728", rows.Select(r => r.Latency.P95).ToArray()),
        };
        var build = new List<PlotSeries> { new("ours router build", "#2ca02c", rows.Select(r => r.BuildMs).ToArray()) };
        if (withLucene)
        {
            latency.Add(new("Lucene P50", "#1f77b4", rows.Select(r => r.LuceneLatency!.Value.P50).ToArray(), Dashed: true));
            latency.Add(new("Lucene P95", "#d62728", rows.Select(r => r.LuceneLatency!.Value.P95).ToArray(), Dashed: true));
            build.Add(new("Lucene index build", "#2ca02c", rows.Select(r => r.LuceneBuildMs).ToArray(), Dashed: true));
        }
        var memory = new List<PlotSeries>
        {
            new("catalog + router", "#9467bd", rows.Select(r => (r.CatalogBytes + r.RouterBytes) / 1e6).ToArray()),
            new("router only", "#8c564b", rows.Select(r => r.RouterBytes / 1e6).ToArray(), Dashed: true),
        };
        var svg = ScalingPlot.Render("Elex router vs catalog size (2-core machine, shared)", sizes,
        [
            new PlotPanel("Route latency", "µs per question", latency),
            new PlotPanel("Build time", "ms", build),
            new PlotPanel("Managed memory", "MB", memory),
        ]);
        if (RepositoryRoot() is { } root)
        {
            var path = Path.Combine(root, "docs", "scaling.svg");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, svg);
            output.WriteLine($"plot written to docs/scaling.svg");
        }
        else
        {
            output.WriteLine("repository root not found; plot not written");
        }
    }

    /// <summary>The clone this benchmark runs from: the nearest folder above holding Directory.Packages.props and benchmarks/.</summary>
    private static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")) && Directory.Exists(Path.Combine(dir.FullName, "benchmarks")))
                    return dir.FullName;
            }
        }
        return null;
    }
}
