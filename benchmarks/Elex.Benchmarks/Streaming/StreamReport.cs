using System.Diagnostics;
using System.Globalization;
using Elex.Benchmarks.Natural;
using Elex.Benchmarks.Reporting;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Routing;
using Elex.Semantic;
using Elex.Streams;

namespace Elex.Benchmarks.Streaming;

/// <summary>
/// The <c>stream</c> mode: how soon <see cref="ElexSwarm.QueryStream"/> tells where a question goes, against
/// when its whole answer is there. One question at a time (nothing queued ahead), on the full catalog when
/// present: the time from subscribing to the Routed part and to the Done part, P50/P95, for the dev
/// questions (settled by exact evidence) and the natural questions without the sentence model, and with it
/// unless ELEX_NO_MODEL=1. Goal: the first part in ≤ 25 % of the full answer's time.
/// </summary>
public static class StreamReport
{
    private const int MaxQuestions = 2000;
    private const int WarmUp = 200;

    public static async Task RunAsync(TextWriter output)
    {
        var catalog = BenchmarkData.Catalog();
        var dev = BenchmarkData.Questions(catalog);
        var natural = NaturalSets.Load(catalog).Where(q => q.Set != "dev-questions").Select(q => q.Text).ToArray();
        output.WriteLine($"stream: {catalog.Count} features ({catalog.Source}); {Math.Min(dev.Length, MaxQuestions)} dev and {natural.Length} natural questions, one at a time, {Environment.ProcessorCount} cores");
        var table = new MarkdownTable("mix", "router", "questions", "routed P50", "routed P95", "done P50", "done P95", "routed/done P50", "answer after routing P50 / P95", "QueryAsync P50 / P95");
        var lexical = FeatureRouter.Build(catalog);
        await MeasureAsync(table, "dev questions (exact path)", "lexical", catalog, lexical, new SwarmConfig(), dev);
        if (natural.Length > 0) await MeasureAsync(table, "natural", "lexical (no model)", catalog, lexical, new SwarmConfig(), natural);
        if (Environment.GetEnvironmentVariable("ELEX_NO_MODEL") == "1" || natural.Length == 0)
        {
            output.WriteLine("the sentence model was not measured (ELEX_NO_MODEL=1, or no natural questions)");
        }
        else
        {
            using var encoder = OnnxSentenceEncoder.Load(SentenceModel.ArcticXs);
            var fused = FeatureRouter.Build(catalog, semantic: BenchmarkModel.Index(catalog, encoder, output));
            // The default configuration (a 2 ms micro-batch window, as the CLI runs) and without batching.
            await MeasureAsync(table, "natural", "fused, 2 ms batch window", catalog, fused, new SwarmConfig(), natural);
            await MeasureAsync(table, "natural", "fused, no batching", catalog, fused, new SwarmConfig { SemanticBatchWindow = TimeSpan.Zero }, natural);
            await MeasureAsync(table, "dev questions (exact path)", "fused, 2 ms batch window", catalog, fused, new SwarmConfig(), dev);
        }
        table.WriteTo(output);
    }

    private static async Task MeasureAsync(MarkdownTable table, string mix, string router, FeatureCatalog catalog, FeatureRouter featureRouter, SwarmConfig config, string[] questions)
    {
        await using var swarm = await ElexSwarm.CreateAsync(catalog, config with { MaxAgents = catalog.Count, Learning = null }, router: featureRouter);
        var asked = questions.Take(MaxQuestions).ToArray();
        for (var i = 0; i < WarmUp; i++) await TimeAsync(swarm, asked[i % asked.Length]);
        var routed = new double[asked.Length];
        var done = new double[asked.Length];
        var answering = new double[asked.Length];
        var awaited = new double[asked.Length];
        for (var i = 0; i < asked.Length; i++)
        {
            // The same question through QueryAsync, awaited the same way: what the whole answer costs without streaming.
            // Which goes first alternates: the call right after another one pays for its wake-ups (the P95 tail moves with it).
            if (i % 2 == 0) (routed[i], done[i]) = await TimeAsync(swarm, asked[i]);
            awaited[i] = await TimeQueryAsync(swarm, asked[i]);
            if (i % 2 == 1) (routed[i], done[i]) = await TimeAsync(swarm, asked[i]);
            answering[i] = done[i] - routed[i];
        }
        var r = Percentiles.Of(routed);
        var d = Percentiles.Of(done);
        var a = Percentiles.Of(answering);
        var q = Percentiles.Of(awaited);
        table.Row(mix, router, asked.Length.ToString("N0", CultureInfo.InvariantCulture), Us(r.P50), Us(r.P95), Us(d.P50), Us(d.P95),
            (r.P50 / d.P50).ToString("P0", CultureInfo.InvariantCulture), $"{Us(a.P50)} / {Us(a.P95)}", $"{Us(q.P50)} / {Us(q.P95)}");
    }

    // Microseconds from subscribing to the Routed part and to the Done (or Error) part, read on the pipeline's thread as each arrives.
    private static async Task<(double Routed, double Done)> TimeAsync(ElexSwarm swarm, string question)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long routedAt = 0, doneAt = 0;
        var started = Stopwatch.GetTimestamp();
        using (swarm.QueryStream(new Query(question)).Subscribe(part =>
        {
            if (part.Kind == AnswerPartKind.Routed) routedAt = Stopwatch.GetTimestamp();
            else if (part.Kind is AnswerPartKind.Done or AnswerPartKind.Error) doneAt = Stopwatch.GetTimestamp();
        }, finished.SetResult))
        {
            await finished.Task.ConfigureAwait(false);
        }
        return (Micros(started, routedAt), Micros(started, doneAt));
    }

    private static async Task<double> TimeQueryAsync(ElexSwarm swarm, string question)
    {
        var started = Stopwatch.GetTimestamp();
        await swarm.QueryAsync(new Query(question)).ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(started).TotalMicroseconds;
    }

    private static double Micros(long from, long to) => to == 0 ? 0 : Stopwatch.GetElapsedTime(from, to).TotalMicroseconds;

    private static string Us(double microseconds) =>
        microseconds >= 1000 ? (microseconds / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " ms" : microseconds.ToString("0", CultureInfo.InvariantCulture) + " µs";
}
