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
/// per-query latency with one query in flight. Goal: ≥ 50,000 queries/s, P95 ≤ 200 µs.
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
        var questions = BenchmarkData.Questions(catalog);
        var table = new MarkdownTable("config", "producers", "in flight", "queries", "queries/s", "alloc KB / query", "P50 µs", "P95 µs", "P99 µs");
        foreach (var maxAgents in new[] { new SwarmConfig().MaxAgents, catalog.Count })
        {
            await using var swarm = await ElexSwarm.CreateAsync(catalog, new SwarmConfig { MaxAgents = maxAgents }, router: FeatureRouter.Build(catalog));
            var config = $"MaxAgents {maxAgents}";
            Sustained(swarm, questions, 2, TimeSpan.FromSeconds(2)); // warm-up: JIT, agents, pools
            foreach (var producers in new[] { 1, 2 })
            {
                var (count, seconds, allocated) = Sustained(swarm, questions, producers, Duration);
                table.Row(config, $"{producers}", $"{producers * Window}", $"{count:N0}", $"{count / seconds:N0}", $"{allocated / 1024.0 / count:0.0}", "", "", "");
            }
            var latency = OneAtATime(swarm, questions, TimeSpan.FromSeconds(3));
            table.Row(config, "1", "1", $"{latency.Count:N0}", $"{latency.Count / 3.0:N0}", "", $"{latency.P50:0.0}", $"{latency.P95:0.0}", $"{latency.P99:0.0}");
        }
        table.WriteTo(output);
        output.WriteLine("Goal: ≥ 50,000 queries/s end to end, P95 ≤ 200 µs.");
    }

    private static (long Count, double Seconds, long Allocated) Sustained(ElexSwarm swarm, string[] questions, int producers, TimeSpan duration)
    {
        long total = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
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
        return (total, seconds, GC.GetTotalAllocatedBytes() - allocatedBefore);
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
