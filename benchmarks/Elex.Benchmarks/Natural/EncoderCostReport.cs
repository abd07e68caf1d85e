using System.Diagnostics;
using Elex.Benchmarks.Reporting;
using Elex.Core.Routing;
using Elex.Core.Semantics;
using Elex.Semantic;

namespace Elex.Benchmarks.Natural;

/// <summary>
/// The <c>encoder-cost</c> mode: where the sentence model's time goes on natural questions — tokens per
/// question (with and without the query prefix), questions/s of the bare encoder by batch size and by
/// how the cores are used (intra-op threads within one run, or concurrent runs of length-sorted parts
/// of a batch on one session), and the natural top-1 each query recipe reaches.
/// </summary>
public static class EncoderCostReport
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(4);

    public static void Run(TextWriter output)
    {
        var catalog = BenchmarkData.Catalog();
        var natural = NaturalSets.Load(catalog).Where(q => q.Set != "dev-questions").ToList();
        var texts = natural.Select(q => SemanticIndex.ModelText(q.Text)).ToList();
        var recipes = new (string Name, SentenceModel Model)[]
        {
            ("float32, query prefix", SentenceModel.ArcticXsFloat),
            ("int8, query prefix (shipped)", SentenceModel.ArcticXs),
            ("int8, no prefix", SentenceModel.ArcticXs with { QueryPrefix = "" }),
        };

        var accuracy = new MarkdownTable("query recipe", "mean tokens", "natural top-1", "natural top-3");
        foreach (var (name, recipe) in recipes)
        {
            var loadStarted = Stopwatch.GetTimestamp();
            using var encoder = OnnxSentenceEncoder.Load(recipe);
            output.WriteLine($"{name}: loaded in {Stopwatch.GetElapsedTime(loadStarted).TotalMilliseconds:0} ms");
            var index = BenchmarkModel.Index(catalog, encoder, output);
            var router = FeatureRouter.Build(catalog, semantic: index);
            var routes = natural.Select(q => (q, r: router.Route(q.Text, 3))).ToList();
            var top1 = routes.Count(x => x.r.Candidates.Count > 0 && x.q.Expect.Contains(x.r.Candidates[0].Feature.Code.Value));
            var top3 = routes.Count(x => x.r.Candidates.Any(c => x.q.Expect.Contains(c.Feature.Code.Value)));
            accuracy.Row(name, $"{texts.Average(t => encoder.TokenCount(t, query: true)):0.0}",
                $"{top1 / (double)natural.Count:0.000}", $"{top3 / (double)natural.Count:0.000}");
        }
        accuracy.WriteTo(output);
        output.WriteLine();

        var speed = new MarkdownTable("query recipe", "threads per run", "concurrent runs", "batch", "questions/s");
        foreach (var (name, recipe) in recipes)
        {
            foreach (var (threads, runs) in new[] { (1, 1), (2, 1), (1, 2), (2, 2) })
            {
                using var encoder = OnnxSentenceEncoder.Load(recipe, threads, runs);
                foreach (var batch in new[] { 1, 8, 32 }) speed.Row(name, $"{threads}", $"{runs}", $"{batch}", $"{Rate(encoder, texts, batch):N0}");
            }
        }
        speed.WriteTo(output);
    }

    private static double Rate(OnnxSentenceEncoder encoder, List<string> texts, int batch)
    {
        Sustain(encoder, texts, batch, TimeSpan.FromSeconds(1));
        var started = Stopwatch.GetTimestamp();
        var count = Sustain(encoder, texts, batch, Duration);
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static long Sustain(OnnxSentenceEncoder encoder, List<string> texts, int batch, TimeSpan duration)
    {
        long total = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var next = 0;
        var vectors = new float[batch * encoder.Dimensions];
        var chunk = new List<string>(batch);
        while (Stopwatch.GetTimestamp() < until)
        {
            chunk.Clear();
            for (var i = 0; i < batch; i++) chunk.Add(texts[next++ % texts.Count]);
            encoder.EncodeQueries(chunk, vectors);
            total += batch;
        }
        return total;
    }
}
