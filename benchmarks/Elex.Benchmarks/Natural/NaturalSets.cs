using Elex.Core.Catalog;

namespace Elex.Benchmarks.Natural;

/// <summary>The labelled question sets every natural report measures: dev-questions, natural-dev and the held-out set.</summary>
public static class NaturalSets
{
    /// <summary>The sets that are present, keeping only questions about features of <paramref name="catalog"/>.</summary>
    public static List<NaturalQuestion> Load(FeatureCatalog catalog)
    {
        var sets = new List<NaturalQuestion>();
        if (BenchmarkData.SharedDirectory is { } dir)
        {
            sets.AddRange(NaturalQuestion.Load(Path.Combine(dir, "dev-questions.jsonl"), "dev-questions"));
            if (File.Exists(Path.Combine(dir, "natural-dev.jsonl"))) sets.AddRange(NaturalQuestion.Load(Path.Combine(dir, "natural-dev.jsonl"), "natural-dev"));
        }
        if (NaturalQuestion.HoldoutPath() is { } holdout) sets.AddRange(NaturalQuestion.Load(holdout, "holdout"));
        var codes = catalog.Features.Select(f => f.Code.Value).ToHashSet(StringComparer.Ordinal);
        sets.RemoveAll(q => !q.Expect.Overlaps(codes));
        return sets;
    }
}
