using System.Diagnostics;
using System.Globalization;
using Elex.AnswerQuality;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Routing.Glosses;
using Elex.Semantic;
using Elex.Streams;

namespace Elex.Benchmarks.Natural;

/// <summary>
/// The answer-quality set (tests/data/answer-quality.jsonl) through the swarm with the sentence
/// model — share of answers holding every required fact, commands that lost a named target,
/// answers that changed between two runs — and what composing one answer costs (time and
/// allocation per answer, routing excluded).
/// </summary>
public static class AnswerQualityReport
{
    private const int Rounds = 400;

    public static async Task RunAsync(TextWriter output)
    {
        var catalog = BenchmarkData.Catalog();
        var cases = AnswerCase.Load(Path.Combine(AppContext.BaseDirectory, "data", "answer-quality.jsonl"));
        using var encoder = OnnxSentenceEncoder.Load(SentenceModel.ArcticXs);
        var router = Core.Routing.FeatureRouter.Build(catalog, semantic: BenchmarkModel.Index(catalog, encoder, output));

        var first = await AskAsync(catalog, router, cases);
        var second = await AskAsync(catalog, router, cases);
        var changed = first.Results.Zip(second.Results).Count(p => p.First.Response.Text != p.Second.Response.Text);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"answer quality: {first.Complete}/{cases.Count} complete ({first.Rate:P1}); commands that lost a named target: {first.LostTargets}; answers changed between runs: {changed}"));
        foreach (var intent in first.Results.GroupBy(r => r.Case.Intent))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {intent.Key,-13} {intent.Count(r => r.Shortfalls.Count == 0)}/{intent.Count()}"));
        if (first.Complete < cases.Count) output.WriteLine(first.Report());

        Composition(output, catalog, router, cases);
    }

    private static async Task<AnswerQualityRun> AskAsync(FeatureCatalog catalog, Core.Routing.FeatureRouter router, IReadOnlyList<AnswerCase> cases)
    {
        await using var swarm = await ElexSwarm.CreateAsync(catalog, router: router);
        return await AnswerQualityRun.AskAsync(swarm, cases);
    }

    // Composition only: the route and the context are built once per question, then each answer is
    // composed Rounds times by the routed feature's agent (no learner: the direct answer).
    private static void Composition(TextWriter output, FeatureCatalog catalog, Core.Routing.FeatureRouter router, IReadOnlyList<AnswerCase> cases)
    {
        var work = cases.Select(c =>
        {
            var route = router.Route(c.Question);
            var compared = ComparedFeatures.Find(c.Question, catalog);
            var feature = compared.Count >= 2 ? compared[0] : route.Feature!;
            var context = new AnswerContext(c.Question, QueryClassifier.Classify(c.Question))
            {
                RouteConfidence = route.Confidence,
                Alternatives = route.Candidates.Skip(1).Select(x => x.Feature).ToList(),
                Compared = compared,
            };
            return (Agent: new FeatureAgent(catalog, feature), Context: context, c.Intent);
        }).ToList();
        foreach (var (agent, context, _) in work) agent.Answer(context);

        var micros = new List<(string Intent, double Us, long Bytes, long TextBytes)>(work.Count * Rounds);
        var ticksToUs = 1_000_000.0 / Stopwatch.Frequency;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (agent, context, intent) in work)
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                var answer = agent.Answer(context);
                var elapsed = (Stopwatch.GetTimestamp() - start) * ticksToUs;
                micros.Add((intent, elapsed, GC.GetAllocatedBytesForCurrentThread() - bytes, answer.Text.Length * sizeof(char)));
            }
        }
        Line("all", micros);
        foreach (var g in micros.GroupBy(m => m.Intent)) Line(g.Key, g.ToList());

        void Line(string label, List<(string Intent, double Us, long Bytes, long TextBytes)> sample)
        {
            var us = sample.Select(s => s.Us).OrderBy(x => x).ToList();
            var bytes = sample.Select(s => s.Bytes).OrderBy(x => x).ToList();
            var text = sample.Select(s => s.TextBytes).OrderBy(x => x).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  compose {label,-13} P50 {us[us.Count / 2]:0.0} µs  P95 {us[(int)(us.Count * 0.95)]:0.0} µs  allocated P50 {bytes[bytes.Count / 2] / 1024.0:0.0} KB  P95 {bytes[(int)(bytes.Count * 0.95)] / 1024.0:0.0} KB  (of which the answer text P50 {text[text.Count / 2] / 1024.0:0.0} KB)"));
        }
    }
}
