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
    private const int TimedPasses = 5;
    private static readonly TimeSpan MinimumWarmUp = TimeSpan.FromSeconds(2);

    /// <summary>Runs the comparison and writes the table.</summary>
    public static void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var catalog = BenchmarkData.Catalog();
        var questions = LabelledQuestion.DevSet(catalog);
        output.WriteLine($"catalog: {catalog.Count} features; {questions.Count} labelled questions; k = {K}; {TimedPasses} timed passes per router, interleaved, after warm-up");

        // Each router is built twice: the first build pays the JIT, the second is the warm build time.
        var (ours, oursCold, oursWarm) = BuildTwice(() => FeatureRouter.Build(catalog));
        var (camel, camelCold, camelWarm) = BuildTwice(() => LuceneRouter.Build(catalog, LuceneAnalyzerKind.CamelCase));
        var (standard, standardCold, standardWarm) = BuildTwice(() => LuceneRouter.Build(catalog, LuceneAnalyzerKind.Standard));
        var contenders = new Contender[]
        {
            new("Elex FeatureRouter", oursCold, oursWarm, (q, into) => Ours(ours, q, into)),
            new("Lucene.Net BM25 (camelCase analyzer)", camelCold, camelWarm, camel.Route),
            new("Lucene.Net BM25 (StandardAnalyzer)", standardCold, standardWarm, standard.Route),
        };

        foreach (var c in contenders) WarmUp(c, questions);
        // Interleaved passes: load from other processes on the shared machine hits every router alike.
        for (var pass = 0; pass < TimedPasses; pass++)
            foreach (var c in contenders) TimedPass(c, catalog, questions, countAccuracy: pass == 0);

        var baseline = Percentiles.Of(contenders[0].Samples.ToArray());
        var table = new MarkdownTable("router", "build ms (cold / warm)", "top-1", "top-3", "P50 µs", "P95 µs", "P99 µs", "mean µs", "P50 vs ours", "P95 vs ours");
        foreach (var c in contenders)
        {
            var latency = Percentiles.Of(c.Samples.ToArray());
            table.Row(c.Name, $"{c.ColdBuildMs:0} / {c.WarmBuildMs:0}", $"{c.Accuracy.Top1Rate:0.000}", $"{c.Accuracy.Top3Rate:0.000}",
                $"{latency.P50:0.0}", $"{latency.P95:0.0}", $"{latency.P99:0.0}", $"{latency.Mean:0.0}",
                $"{latency.P50 / baseline.P50:0.0}×", $"{latency.P95 / baseline.P95:0.0}×");
        }
        table.WriteTo(output);
        camel.Dispose();
        standard.Dispose();
    }

    private static (T Router, double ColdMs, double WarmMs) BuildTwice<T>(Func<T> build)
    {
        var started = Stopwatch.GetTimestamp();
        var first = build();
        var cold = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        (first as IDisposable)?.Dispose();
        started = Stopwatch.GetTimestamp();
        var second = build();
        return (second, cold, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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

    private sealed record Contender(string Name, double ColdBuildMs, double WarmBuildMs, RouteInto Route)
    {
        public AccuracyTally Accuracy { get; } = new();
        public List<double> Samples { get; } = [];
    }

    private static void WarmUp(Contender c, IReadOnlyList<LabelledQuestion> questions)
    {
        Span<int> ordinals = stackalloc int[K];
        var warmUntil = Stopwatch.GetTimestamp() + (long)(MinimumWarmUp.TotalSeconds * Stopwatch.Frequency);
        do
        {
            foreach (var q in questions) c.Route(q.Text, ordinals);
        }
        while (Stopwatch.GetTimestamp() < warmUntil);
    }

    private static void TimedPass(Contender c, FeatureCatalog catalog, IReadOnlyList<LabelledQuestion> questions, bool countAccuracy)
    {
        Span<int> ordinals = stackalloc int[K];
        var codes = new string[K];
        foreach (var q in questions)
        {
            var t = Stopwatch.GetTimestamp();
            var found = c.Route(q.Text, ordinals);
            c.Samples.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds);
            if (!countAccuracy) continue;
            for (var i = 0; i < found; i++) codes[i] = catalog[ordinals[i]].Code.Value;
            c.Accuracy.Add(q.Expect, codes.AsSpan(0, found));
        }
    }
}
