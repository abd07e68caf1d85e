using System.Text.Json;
using Elex.Benchmarks.Reporting;
using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Core.Routing.Glosses;
using Elex.Semantic;

namespace Elex.Benchmarks.Natural;

/// <summary>
/// The <c>teach</c> mode: "learning that routes", measured. Each line of tests/data/paraphrase-pairs.jsonl
/// has two wordings (a, b) of one need. The router is taught every "a" (as `elex feedback --correct`
/// does); the table reports top-1 on the "b" wordings before and after, and on natural-dev and the
/// held-out set (which nobody taught), so a memory that pulls unrelated questions shows up.
/// </summary>
public static class TeachReport
{
    public static void Run(TextWriter output)
    {
        var catalog = BenchmarkData.Catalog();
        var pairsPath = Find("paraphrase-pairs.jsonl") ?? throw new InvalidOperationException("tests/data/paraphrase-pairs.jsonl not found");
        var pairs = File.ReadLines(pairsPath).Where(l => l.Length > 0).Select(l =>
        {
            using var d = JsonDocument.Parse(l);
            return (Code: d.RootElement.GetProperty("code").GetString()!, A: d.RootElement.GetProperty("a").GetString()!, B: d.RootElement.GetProperty("b").GetString()!);
        }).Where(p => catalog.Contains(FeatureCode.Parse(p.Code))).ToList();
        var untaught = new List<NaturalQuestion>();
        if (BenchmarkData.SharedDirectory is { } dir && File.Exists(Path.Combine(dir, "natural-dev.jsonl"))) untaught.AddRange(NaturalQuestion.Load(Path.Combine(dir, "natural-dev.jsonl"), "natural-dev"));
        if (NaturalQuestion.HoldoutPath() is { } h) untaught.AddRange(NaturalQuestion.Load(h, "holdout"));
        untaught.RemoveAll(q => pairs.Any(p => q.Expect.Contains(p.Code)));

        using var encoder = OnnxSentenceEncoder.Load(SentenceModel.ArcticXs);
        var index = BenchmarkModel.Index(catalog, encoder, output);
        var table = new MarkdownTable("router", "memory offset / pull", $"b wordings top-1 ({pairs.Count})", $"untaught natural top-1 ({untaught.Count})");
        foreach (var (offset, pull) in new[] { (-0.1f, 0f), (-0.1f, 0.2f), (-0.1f, 0.4f), (-0.1f, 0.6f) })
        {
            var router = FeatureRouter.Build(catalog, new RouterOptions { MemoryOffset = offset, MemoryPull = pull }, semantic: index);
            var before = (Top1(router, pairs.Select(p => (p.B, p.Code))), Top1(router, untaught.Select(q => (q.Text, q.Expect.First()))));
            foreach (var p in pairs) router.Teach(p.A, FeatureCode.Parse(p.Code));
            var after = (Top1(router, pairs.Select(p => (p.B, p.Code))), Top1(router, untaught.Select(q => (q.Text, q.Expect.First()))));
            table.Row("fused", $"{offset:0.00} / {pull:0.0}", $"{before.Item1:0.00} → {after.Item1:0.00}", $"{before.Item2:0.00} → {after.Item2:0.00}");
        }
        table.WriteTo(output);
    }

    private static double Top1(FeatureRouter router, IEnumerable<(string Text, string Code)> questions)
    {
        var list = questions.ToList();
        return list.Count(q => router.Route(q.Text, 3).Feature?.Code.Value == q.Code) / (double)Math.Max(1, list.Count);
    }

    private static string? Find(string name)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Path.Combine(dir.FullName, "tests", "data", name) is var p && File.Exists(p)) return p;
        return null;
    }
}
