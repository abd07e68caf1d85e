using System.Diagnostics;
using Elex.Benchmarks.Reporting;
using Elex.Core.Queries;
using Elex.Core.Routing;
using Elex.Core.Routing.Glosses;
using Elex.Semantic;
using Elex.Streams;

namespace Elex.Benchmarks.Natural;

/// <summary>
/// The <c>semantic</c> mode: natural questions (every one needs the sentence model) through the whole
/// <see cref="ElexSwarm"/> pipeline with the fused router: queries per second with and without
/// micro-batching, with one model run at a time or one per core; model load, feature vectors from the cache,
/// and the process's resident memory with the model. Goal: ≥ 500 natural questions/s on 2 cores;
/// load + vectors from cache ≤ 1 s; RSS ≤ 400 MB.
/// </summary>
public static class SemanticThroughputReport
{
    private const int InFlight = 128;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(6);

    public static async Task RunAsync(TextWriter output)
    {
        var catalog = BenchmarkData.Catalog();
        var questions = new List<string>();
        if (BenchmarkData.SharedDirectory is { } dir && File.Exists(Path.Combine(dir, "natural-dev.jsonl")))
            questions.AddRange(NaturalQuestion.Load(Path.Combine(dir, "natural-dev.jsonl"), "natural-dev").Select(q => q.Text));
        if (NaturalQuestion.HoldoutPath() is { } h) questions.AddRange(NaturalQuestion.Load(h, "holdout").Select(q => q.Text));
        var rssBefore = Process.GetCurrentProcess().WorkingSet64;

        var table = new MarkdownTable("concurrent model runs", "batching", "questions", "questions/s", "encoder calls", "mean batch");
        foreach (var runs in new[] { 1, Environment.ProcessorCount }.Distinct())
        {
            var started = Stopwatch.GetTimestamp();
            var encoder = new CountedEncoder(OnnxSentenceEncoder.Load(SentenceModel.ArcticXs, intraOpThreads: 1, concurrentRuns: runs));
            var loadMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = Stopwatch.GetTimestamp();
            var index = BenchmarkModel.Index(catalog, encoder, output);
            var vectorsMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            output.WriteLine($"{runs} concurrent run(s): model load {loadMs:0} ms, feature vectors {vectorsMs:0} ms (cache at {BenchmarkModel.CacheDirectory}); RSS {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:0} MB (before the model {rssBefore / 1048576.0:0} MB)");
            foreach (var (window, size) in new[] { (TimeSpan.Zero, 1), (TimeSpan.FromMilliseconds(2), 8), (TimeSpan.FromMilliseconds(2), 32) })
            {
                var router = FeatureRouter.Build(catalog, semantic: index);
                await using var swarm = await ElexSwarm.CreateAsync(catalog, new SwarmConfig { SemanticBatchWindow = window, SemanticBatchSize = size, MaxAgents = catalog.Count }, router: router);
                Sustained(swarm, questions, TimeSpan.FromSeconds(1));
                encoder.Reset();
                var (count, seconds) = Sustained(swarm, questions, Duration);
                table.Row($"{runs}", window == TimeSpan.Zero ? "none (one run per question)" : $"{window.TotalMilliseconds:0} ms / {size}", $"{count:N0}", $"{count / seconds:N0}", $"{encoder.Runs:N0}", $"{encoder.Texts / (double)Math.Max(1, encoder.Runs):0.0}");
            }
            encoder.Inner.Dispose();
        }
        {
            // The same questions without the model: what the rest of the pipeline costs.
            await using var swarm = await ElexSwarm.CreateAsync(catalog, new SwarmConfig { MaxAgents = catalog.Count }, router: FeatureRouter.Build(catalog));
            Sustained(swarm, questions, TimeSpan.FromSeconds(1));
            var (count, seconds) = Sustained(swarm, questions, Duration);
            table.Row("no model (lexical router)", "—", $"{count:N0}", $"{count / seconds:N0}", "—", "—");
        }
        table.WriteTo(output);
        output.WriteLine($"process RSS at the end: {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:0} MB; peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB");
    }

    private static (long Count, double Seconds) Sustained(ElexSwarm swarm, List<string> questions, TimeSpan duration)
    {
        long total = 0;
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var next = 0;
        var pending = new Task[InFlight];
        while (Stopwatch.GetTimestamp() < until)
        {
            for (var i = 0; i < InFlight; i++) pending[i] = swarm.QueryAsync(new Query(questions[next++ % questions.Count]));
            Task.WaitAll(pending);
            total += InFlight;
        }
        return (total, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private sealed class CountedEncoder(OnnxSentenceEncoder inner) : Elex.Core.Semantics.ISentenceEncoder
    {
        private long _runs;
        private long _texts;
        public OnnxSentenceEncoder Inner => inner;
        public long Runs => Interlocked.Read(ref _runs);
        public long Texts => Interlocked.Read(ref _texts);
        public string ModelId => inner.ModelId;
        public int Dimensions => inner.Dimensions;
        public void Reset() => (_runs, _texts) = (0, 0);

        public void EncodeQueries(IReadOnlyList<string> texts, Span<float> destination)
        {
            Interlocked.Increment(ref _runs);
            Interlocked.Add(ref _texts, texts.Count);
            inner.EncodeQueries(texts, destination);
        }

        public void EncodeDocuments(IReadOnlyList<string> texts, Span<float> destination) => inner.EncodeDocuments(texts, destination);
    }
}
