using System.Diagnostics;
using Elex.Benchmarks.Reporting;
using Elex.Core.Catalog;
using Elex.Core.Routing;

namespace Elex.Benchmarks.Peers;

/// <summary>
/// The <c>peers</c> mode: our router and the Lucene.Net BM25 peer on the same labelled dev
/// questions, side by side — build time, top-1 / top-3 accuracy and per-question latency
/// percentiles (Stopwatch around each single call, after a warm-up pass).
/// </summary>
public static class PeerReport
{
    private const int K = 3;
    private const int TimedPasses = 3;
    private static readonly TimeSpan MinimumWarmUp = TimeSpan.FromSeconds(2);

    /// <summary>Runs the comparison and writes the table.</summary>
    public static void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var catalog = BenchmarkData.Catalog();
        var questions = LabelledQuestion.DevSet(catalog);
        output.WriteLine($"catalog: {catalog.Count} features; {questions.Count} labelled questions; {TimedPasses} timed passes after warm-up; k = {K}");

        var results = new List<(string Name, double BuildMs, AccuracyTally Accuracy, Percentiles Latency)>();
        var started = Stopwatch.GetTimestamp();
        var ours = FeatureRouter.Build(catalog);
        var oursBuild = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        results.Add(Measure("Elex FeatureRouter", oursBuild, catalog, questions, (q, into) => Ours(ours, q, into)));

        foreach (var kind in new[] { LuceneAnalyzerKind.CamelCase, LuceneAnalyzerKind.Standard })
        {
            started = Stopwatch.GetTimestamp();
            using var lucene = LuceneRouter.Build(catalog, kind);
            var build = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            results.Add(Measure($"Lucene.Net BM25 ({kind})", build, catalog, questions, lucene.Route));
        }

        var baseline = results[0].Latency;
        var table = new MarkdownTable("router", "build (ms, 1st)", "top-1", "top-3", "P50 µs", "P95 µs", "P99 µs", "mean µs", "P50 / ours", "P95 / ours");
        foreach (var (name, buildMs, accuracy, latency) in results)
        {
            table.Row(name, $"{buildMs:0}", $"{accuracy.Top1Rate:0.000}", $"{accuracy.Top3Rate:0.000}",
                $"{latency.P50:0.0}", $"{latency.P95:0.0}", $"{latency.P99:0.0}", $"{latency.Mean:0.0}",
                $"{latency.P50 / baseline.P50:0.0}×", $"{latency.P95 / baseline.P95:0.0}×");
        }
        table.WriteTo(output);
        output.WriteLine("build (ms, 1st) is the first build in this process (JIT included); the latencies are warm.");
    }

    /// <summary>Ranks with our router, writing ordinals best first.</summary>
    private static int Ours(FeatureRouter router, string question, Span<int> into)
    {
        var result = router.Route(question, into.Length);
        var n = Math.Min(into.Length, result.Candidates.Count);
        for (var i = 0; i < n; i++) into[i] = result.Candidates[i].Ordinal;
        return n;
    }

    private delegate int RouteInto(string question, Span<int> ordinals);

    private static (string, double, AccuracyTally, Percentiles) Measure(string name, double buildMs, FeatureCatalog catalog, IReadOnlyList<LabelledQuestion> questions, RouteInto route)
    {
        Span<int> ordinals = stackalloc int[K];
        var warmUntil = Stopwatch.GetTimestamp() + (long)(MinimumWarmUp.TotalSeconds * Stopwatch.Frequency);
        do
        {
            foreach (var q in questions) route(q.Text, ordinals);
        }
        while (Stopwatch.GetTimestamp() < warmUntil);

        var accuracy = new AccuracyTally();
        var codes = new string[K];
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
        return (name, buildMs, accuracy, Percentiles.Of(samples));
    }
}
