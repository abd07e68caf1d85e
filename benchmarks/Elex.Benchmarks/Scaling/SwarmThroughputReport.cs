using System.Diagnostics;
using Elex.Benchmarks.Reporting;
using Elex.Core.Queries;
using Elex.Core.Routing;
using Elex.Streams;

namespace Elex.Benchmarks.Scaling;

/// <summary>
/// The <c>throughput</c> mode: end-to-end <see cref="ElexSwarm.QueryAsync(Query, CancellationToken)"/>
/// through the Rx pipeline (classify, route, dispatch, answer, safety, delivery) — sustained
/// queries per second from one and two producers each keeping a window of queries in flight, and
/// per-query latency with one query in flight; on the dev and the natural-question mixes, without a
/// store and with the SQLite store the CLI uses. Goal: ≥ 50,000 queries/s, P95 ≤ 200 µs.
/// </summary>
public static class SwarmThroughputReport
{
    private const int Window = 256;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);

    /// <summary>Measures and writes the table.</summary>
    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var catalog = BenchmarkData.Catalog();
        var mixes = new List<(string Name, string[] Questions)> { ("dev", BenchmarkData.Questions(catalog)) };
        if (BenchmarkData.SharedDirectory is { } shared && File.Exists(Path.Combine(shared, "natural-dev.jsonl")))
            mixes.Add(("natural (no model)", [.. Natural.NaturalQuestion.Load(Path.Combine(shared, "natural-dev.jsonl"), "natural-dev").Select(q => q.Text)]));
        var router = FeatureRouter.Build(catalog);
        var table = new MarkdownTable("config", "questions", "producers", "in flight", "queries", "queries/s", "alloc KB / query", "GC pause %", "gen-0 GCs/s", "P50 µs", "P95 µs", "P99 µs");
        foreach (var (name, questions) in mixes)
        {
            foreach (var maxAgents in new[] { new SwarmConfig().MaxAgents, catalog.Count })
                await RowsAsync(table, $"MaxAgents {maxAgents}, no store", name, questions, () => ElexSwarm.CreateAsync(catalog, new SwarmConfig { MaxAgents = maxAgents }, router: router));
            // What the CLI runs: a SQLite store attached (debounced persistence of every changed agent) and telemetry on.
            var dir = Path.Combine(Path.GetTempPath(), $"elex-throughput-{Guid.NewGuid():N}");
            Directory.CreateDirectory(dir);
            try
            {
                await using var store = await Elex.Storage.SqliteAgentStore.OpenAsync(Path.Combine(dir, "elex.db"));
                await RowsAsync(table, "MaxAgents 50, SQLite store", name, questions, () => ElexSwarm.CreateAsync(catalog, new SwarmConfig(), store, router: router));
                // What routing ahead of answering (a second thread) gives: the same graph on the reading loop alone.
                await RowsAsync(table, "MaxAgents 50, SQLite store, one thread (RouteAhead off)", name, questions, () => ElexSwarm.CreateAsync(catalog, new SwarmConfig { RouteAhead = false }, store, router: router));
                // What telemetry (meters, the metric store, the live P95 window) costs: the same without it.
                await RowsAsync(table, "MaxAgents 50, SQLite store, telemetry off", name, questions, () => ElexSwarm.CreateAsync(catalog, new SwarmConfig { EnableTelemetry = false }, store, router: router));
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
            }
        }
        table.WriteTo(output);
        output.WriteLine("Telemetry on and RouteAhead on (the defaults on more than one processor) in every row but those that say otherwise. Goal: ≥ 50,000 queries/s end to end with a store attached, P95 ≤ 200 µs, ≤ 2 KB per query.");
    }

    private static async Task RowsAsync(MarkdownTable table, string config, string mix, string[] questions, Func<Task<ElexSwarm>> create)
    {
        await using var swarm = await create();
        Sustained(swarm, questions, 2, TimeSpan.FromSeconds(2)); // warm-up: JIT, agents, pools
        foreach (var producers in new[] { 1, 2 })
        {
            var (count, seconds, allocated, paused, gen0) = Sustained(swarm, questions, producers, Duration);
            table.Row(config, mix, $"{producers}", $"{producers * Window}", $"{count:N0}", $"{count / seconds:N0}", $"{allocated / 1024.0 / count:0.0}",
                $"{100 * paused.TotalSeconds / seconds:0.0}", $"{gen0 / seconds:0}", "", "", "");
        }
        var latency = OneAtATime(swarm, questions, TimeSpan.FromSeconds(3));
        table.Row(config, mix, "1", "1", $"{latency.Count:N0}", $"{latency.Count / 3.0:N0}", "", "", "", $"{latency.P50:0.0}", $"{latency.P95:0.0}", $"{latency.P99:0.0}");
    }

    // Queries answered, seconds, bytes allocated, time the runtime paused threads for collections, gen-0 collections.
    private static (long Count, double Seconds, long Allocated, TimeSpan Paused, int Gen0) Sustained(ElexSwarm swarm, string[] questions, int producers, TimeSpan duration)
    {
        long total = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var pausedBefore = GC.GetTotalPauseDuration();
        var gen0Before = GC.CollectionCount(0);
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
        {
            var pending = new Task[Window];
            var next = p * 7919;
            while (Stopwatch.GetTimestamp() < until)
            {
                for (var i = 0; i < Window; i++) pending[i] = swarm.QueryAsync(new Query(questions[next++ % questions.Length]));
                await Task.WhenAll(pending).ConfigureAwait(false);
                Interlocked.Add(ref total, Window);
            }
        })).ToArray();
        Task.WaitAll(tasks);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (total, seconds, GC.GetTotalAllocatedBytes() - allocatedBefore, GC.GetTotalPauseDuration() - pausedBefore, GC.CollectionCount(0) - gen0Before);
    }

    private static Percentiles OneAtATime(ElexSwarm swarm, string[] questions, TimeSpan duration)
    {
        var samples = new List<double>();
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var next = 0;
        while (Stopwatch.GetTimestamp() < until)
        {
            var t = Stopwatch.GetTimestamp();
            swarm.QueryAsync(new Query(questions[next++ % questions.Length])).GetAwaiter().GetResult();
            samples.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds);
        }
        return Percentiles.Of(samples.ToArray());
    }
}
