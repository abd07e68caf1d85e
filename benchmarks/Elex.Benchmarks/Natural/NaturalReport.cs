using System.Diagnostics;
using Elex.Benchmarks.Peers;
using Elex.Benchmarks.Reporting;
using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Semantic;

namespace Elex.Benchmarks.Natural;

/// <summary>
/// The <c>natural</c> mode: the fused router (exact + lexical + sentence model, cascade), the lexical
/// router alone and the Lucene.Net BM25 peer on the dev questions, natural-dev and the repository's
/// held-out natural questions: top-1, top-3, confident-and-wrong, a reliability table with expected
/// calibration error, and single-call latency per path.
/// </summary>
public static class NaturalReport
{
    private static readonly float Abstain = new Elex.Streams.SwarmConfig().AbstainBelow;
    private static readonly float[] Bands = [0f, 0.2f, 0.4f, 0.5f, 0.6f, 0.65f, 0.7f, 0.75f, 0.8f, 0.9f, 1.0001f];

    /// <summary>Runs every set and writes the tables.</summary>
    public static void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var catalog = BenchmarkData.Catalog();
        var sets = NaturalSets.Load(catalog);
        output.WriteLine($"catalog: {catalog.Count} features; {sets.Count} labelled questions");

        var started = Stopwatch.GetTimestamp();
        var encoder = OnnxSentenceEncoder.Load(SentenceModel.ArcticXs);
        var loadMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = Stopwatch.GetTimestamp();
        var index = BenchmarkModel.Index(catalog, encoder, output);
        var vectorsMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = Stopwatch.GetTimestamp();
        index = BenchmarkModel.Index(catalog, encoder, output);
        var cachedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        output.WriteLine($"model load {loadMs:0} ms; feature vectors {vectorsMs:0} ms (first run or cached), {cachedMs:0} ms from cache");

        var fused = FeatureRouter.Build(catalog, semantic: index);
        var lexical = FeatureRouter.Build(catalog);
        using var lucene = LuceneRouter.Build(catalog, LuceneAnalyzerKind.CamelCase);
        using var luceneGlosses = LuceneRouter.Build(catalog, LuceneAnalyzerKind.CamelCase, Elex.Core.Routing.Glosses.RoutingGlosses.Embedded);
        var contenders = new (string Name, Func<NaturalQuestion, RouteOutcome> Route)[]
        {
            ("Elex fused (model cascade)", q => Ours(fused, q)),
            ("Elex lexical + glosses", q => Ours(lexical, q)),
            ("Lucene.Net BM25 (camelCase)", q => Peer(lucene, catalog, q)),
            ("Lucene.Net BM25 + our glosses", q => Peer(luceneGlosses, catalog, q)),
        };
        // Warm-up: every question once through every router, so timings are of tiered-up code.
        foreach (var q in sets) foreach (var c in contenders) c.Route(q);

        var outcomes = contenders.Select(c => sets.Select(q => (q, c.Route(q))).ToList()).ToList();
        var table = new MarkdownTable("router", "set", "difficulty", "n", "top-1", "top-3", "conf ≥ 0.8 and wrong", $"answered at ≥ {Abstain:0.00}: accuracy");
        for (var c = 0; c < contenders.Length; c++)
        {
            foreach (var group in outcomes[c].GroupBy(o => (o.q.Set, o.q.Difficulty)).OrderBy(g => g.Key.Set).ThenBy(g => g.Key.Difficulty))
                Row(table, contenders[c].Name, group.Key.Set, group.Key.Difficulty, group.Select(g => g.Item2).ToList(), c >= 2);
            foreach (var group in outcomes[c].Where(o => o.q.Set != "dev-questions").GroupBy(o => o.q.Set))
                Row(table, contenders[c].Name, group.Key, "all", group.Select(g => g.Item2).ToList(), c >= 2);
        }
        table.WriteTo(output);

        output.WriteLine();
        output.WriteLine("Reliability of the fused router's confidence (natural-dev + holdout):");
        var natural = outcomes[0].Where(o => o.q.Set != "dev-questions").Select(o => o.Item2).ToList();
        Reliability(output, natural);
        output.WriteLine();
        output.WriteLine("Abstention threshold (natural-dev + holdout): below it the response is Unsure, with no command:");
        var abstention = new MarkdownTable("threshold", "answered", "answered right", "unsure", "unsure with the right feature among its 3");
        foreach (var t in new[] { 0.5f, 0.6f, 0.65f, 0.7f, 0.75f })
        {
            var answered = natural.Where(o => o.Confidence >= t).ToList();
            var unsure = natural.Where(o => o.Confidence < t).ToList();
            abstention.Row($"{t:0.00}", $"{answered.Count / (double)natural.Count:0.00}", answered.Count == 0 ? "—" : $"{answered.Count(o => o.Top1) / (double)answered.Count:0.00}",
                $"{unsure.Count}", unsure.Count == 0 ? "—" : $"{unsure.Count(o => o.Top3) / (double)unsure.Count:0.00}");
        }
        abstention.WriteTo(output);

        output.WriteLine();
        output.WriteLine("Accuracy of the fused router by what backs a route (channels agreeing with the fused choice, exact facts named):");
        var classes = new MarkdownTable("class", "natural-dev", "dev-questions", "holdout", "confidence given");
        foreach (var group in outcomes[0].GroupBy(o => o.Item2.Class).OrderBy(g => g.Key))
        {
            string Rate(IEnumerable<RouteOutcome> os) { var l = os.ToList(); return l.Count == 0 ? "—" : $"{l.Count(o => o.Top1) / (double)l.Count:0.00} ({l.Count(o => o.Top1)}/{l.Count})"; }
            classes.Row(group.Key, Rate(group.Where(o => o.q.Set == "natural-dev").Select(o => o.Item2)), Rate(group.Where(o => o.q.Set == "dev-questions").Select(o => o.Item2)),
                Rate(group.Where(o => o.q.Set == "holdout").Select(o => o.Item2)),
                $"{group.Select(o => o.Item2.Confidence).Distinct().Count() switch { 1 => group.First().Item2.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), _ => "varies" }}");
        }
        classes.WriteTo(output);

        output.WriteLine();
        output.WriteLine("Single-call route latency of the fused router by path (µs):");
        var latency = new MarkdownTable("path", "calls", "P50", "P95", "P99");
        foreach (var path in outcomes[0].GroupBy(o => o.Item2.Semantic))
        {
            var p = Percentiles.Of(path.Select(o => o.Item2.Microseconds).ToArray());
            latency.Row(path.Key ? "semantic (model runs)" : "exact (settled, no model)", $"{p.Count}", $"{p.P50:0}", $"{p.P95:0}", $"{p.P99:0}");
        }
        latency.WriteTo(output);
        encoder.Dispose();
    }

    private static RouteOutcome Ours(FeatureRouter router, NaturalQuestion q)
    {
        var started = Stopwatch.GetTimestamp();
        var result = router.Route(q.Text, 3);
        var us = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        var codes = result.Candidates.Select(c => c.Feature.Code.Value).ToArray();
        var @class = result.Signals is { } sg ? $"{(sg.ModelAgrees ? 1 : 0) + (sg.LexicalAgrees ? 1 : 0)} agree{(sg.NamedWhole || sg.OtherExact ? " + exact" : "")}" : "exact path";
        return new(codes.Length > 0 && q.Expect.Contains(codes[0]), codes.Any(q.Expect.Contains), result.Confidence, result.UsedSemantic, us, @class);
    }

    private static RouteOutcome Peer(LuceneRouter router, FeatureCatalog catalog, NaturalQuestion q)
    {
        Span<int> ordinals = stackalloc int[3];
        var started = Stopwatch.GetTimestamp();
        var found = router.Route(q.Text, ordinals);
        var us = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        var top1 = found > 0 && q.Expect.Contains(catalog[ordinals[0]].Code.Value);
        var top3 = false;
        for (var i = 0; i < found; i++) top3 |= q.Expect.Contains(catalog[ordinals[i]].Code.Value);
        return new(top1, top3, float.NaN, false, us);
    }

    private static void Row(MarkdownTable table, string router, string set, string difficulty, List<RouteOutcome> o, bool noConfidence)
    {
        var n = o.Count;
        var answered = o.Where(x => x.Confidence >= Abstain).ToList();
        table.Row(router, set, difficulty, $"{n}", $"{o.Count(x => x.Top1) / (double)n:0.00}", $"{o.Count(x => x.Top3) / (double)n:0.00}",
            noConfidence ? "—" : $"{o.Count(x => x.Confidence >= 0.8f && !x.Top1) / (double)n:0.000} ({o.Count(x => x.Confidence >= 0.8f && !x.Top1)}/{o.Count(x => x.Confidence >= 0.8f)})",
            noConfidence ? "—" : $"{(answered.Count == 0 ? 0 : answered.Count(x => x.Top1) / (double)answered.Count):0.00} of {answered.Count}");
    }

    private static void Reliability(TextWriter output, List<RouteOutcome> outcomes)
    {
        var table = new MarkdownTable("confidence", "routes", "mean confidence", "accuracy");
        double ece = 0;
        for (var b = 0; b < Bands.Length - 1; b++)
        {
            var inBand = outcomes.Where(o => o.Confidence >= Bands[b] && o.Confidence < Bands[b + 1]).ToList();
            if (inBand.Count == 0) continue;
            var mean = inBand.Average(o => o.Confidence);
            var accuracy = inBand.Count(o => o.Top1) / (double)inBand.Count;
            ece += inBand.Count / (double)outcomes.Count * Math.Abs(mean - accuracy);
            table.Row($"[{Bands[b]:0.00}, {Math.Min(1, Bands[b + 1]):0.00}{(b == Bands.Length - 2 ? "]" : ")")}", $"{inBand.Count}", $"{mean:0.00}", $"{accuracy:0.00}");
        }
        table.WriteTo(output);
        output.WriteLine($"expected calibration error: {ece:0.000}");
    }
}
