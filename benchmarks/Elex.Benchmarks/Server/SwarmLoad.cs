using System.Diagnostics;
using Elex.Benchmarks.Reporting;
using Elex.Core.Queries;
using Elex.Streams;

namespace Elex.Benchmarks.Server;

/// <summary>The same closed loop as <see cref="AskLoad"/> straight into the server's swarm, without HTTP: what HTTP adds.</summary>
internal static class SwarmLoad
{
    public static async Task<AskLoadResult> RunAsync(ElexSwarm swarm, string[] questions, int concurrency, TimeSpan duration)
    {
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var latencies = new List<double>(100_000);
            for (var i = worker; Stopwatch.GetTimestamp() < stop; i += 7)
            {
                var sent = Stopwatch.GetTimestamp();
                await swarm.QueryAsync(new Query(questions[i % questions.Length]));
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMicroseconds);
            }
            return latencies;
        })).ToArray();
        var results = await Task.WhenAll(workers);
        var all = results.SelectMany(r => r).ToArray();
        return new AskLoadResult(concurrency, all.Length, 0, Stopwatch.GetElapsedTime(started), Percentiles.Of(all));
    }
}
