using Elex.Core.Routing;
using Elex.Semantic;

namespace Elex.Benchmarks.Natural;

/// <summary>
/// The <c>misses</c> mode: every natural question the fused router gets wrong at top-1, with what it
/// expected, the three candidates and the confidence — the list to read before changing glosses,
/// vocabulary or fusion.
/// </summary>
public static class MissesReport
{
    public static void Run(TextWriter output)
    {
        var catalog = BenchmarkData.Catalog();
        var natural = NaturalSets.Load(catalog).Where(q => q.Set != "dev-questions").ToList();
        using var encoder = OnnxSentenceEncoder.Load(SentenceModel.ArcticXs);
        var router = FeatureRouter.Build(catalog, semantic: BenchmarkModel.Index(catalog, encoder, output));
        foreach (var q in natural)
        {
            var route = router.Route(q.Text, 3);
            if (route.Candidates.Count > 0 && q.Expect.Contains(route.Candidates[0].Feature.Code.Value)) continue;
            var expected = string.Join(" | ", q.Expect.Select(code => Elex.Core.Catalog.FeatureCode.TryParse(code, out var fc) && catalog.Find(fc) is { } f ? $"{f.Name} ({code})" : code));
            output.WriteLine($"[{q.Set}/{q.Difficulty}] {q.Text}");
            output.WriteLine($"   expected {expected}");
            output.WriteLine($"   got {string.Join("; ", route.Candidates.Select(c => $"{c.Feature.Name} ({c.Feature.Code.Value}) {c.Score:0.00}"))}  conf {route.Confidence:0.00}");
        }
    }
}
