using System.Diagnostics;
using Elex.Benchmarks.Reporting;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Core.Routing;
using Elex.Orleans.Hosting;
using Elex.Storage;
using Elex.Streams;
using Elex.Streams.Orleans;
using Orleans.TestingHost;

namespace Elex.Benchmarks.Cluster;

/// <summary>
/// The <c>orleans</c> mode: the swarm with its agents as grains on 1 and on 3 in-process silos (one
/// SQLite store shared by the silos), against the in-process swarm on the same questions. Each
/// configuration answers every question once first (every agent activated), then keeps
/// <see cref="InFlight"/> questions in flight for <see cref="Questions"/> questions, then rates
/// <see cref="Ratings"/> answers the same way (each rating written to the store before it is
/// acknowledged), and times <see cref="Solo"/> questions asked one at a time (the cost of the hop to a
/// grain, without queueing). Reports queries/s and ratings/s, P50/P95 per call.
/// </summary>
public static class OrleansReport
{
    private const int InFlight = 32;
    private const int Questions = 6_000;
    private const int Ratings = 1_000;
    private const int Solo = 1_000;

    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var catalog = BenchmarkData.Catalog();
        var router = FeatureRouter.Build(catalog);
        // Only questions some agent answers reach a grain; the others are settled in the client either way.
        var asked = BenchmarkData.Questions(catalog).Where(q => router.Route(q).Confidence >= new ClusterSwarmOptions().AnsweredFrom).ToArray();
        output.WriteLine($"orleans: {catalog.Count} features ({catalog.Source}); {asked.Length} questions answered by an agent; {InFlight} in flight; {Environment.ProcessorCount} cores");
        var table = new MarkdownTable("configuration", "queries", "queries/s", "P50 µs", "P95 µs", "ratings", "ratings/s", "rating P50 µs", "rating P95 µs", "1 in flight P50 / P95 µs", "agents per silo");

        await using (var local = await ElexSwarm.CreateAsync(catalog, new SwarmConfig { MaxAgents = catalog.Count }, router: router))
        {
            await MeasureAsync(table, "in-process ElexSwarm (no store)", asked, q => local.QueryAsync(q), local.FeedbackAsync, _ => "-");
        }
        foreach (short silos in new short[] { 1, 3 })
        {
            var dir = Path.Combine(Path.GetTempPath(), $"elex-orleans-bench-{Guid.NewGuid():N}");
            Directory.CreateDirectory(dir);
            try
            {
                await using var store = await SqliteAgentStore.OpenAsync(Path.Combine(dir, "elex.db"));
                await using var cluster = await StartAsync(silos, catalog, store);
                using var swarm = new ClusterSwarm(cluster.Client, catalog, router, new ClusterSwarmOptions { MaxConcurrentCalls = InFlight });
                await MeasureAsync(table, $"ClusterSwarm, {silos} silo{(silos == 1 ? "" : "s")} (SQLite grain storage)", asked, q => swarm.QueryAsync(q), swarm.FeedbackAsync,
                    answered => string.Join(" / ", answered.GroupBy(r => swarm.AnsweredBy(r.ResponseId)?.Silo).Select(g => g.Select(r => r.AgentId).Distinct().Count()).Order()));
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(dir, recursive: true);
            }
        }
        table.WriteTo(output);
    }

    private static async Task<InProcessTestCluster> StartAsync(short silos, FeatureCatalog catalog, IAgentStore store)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        // The test host would log every silo to files in the working directory; a report writes only its table.
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddElexAgents(catalog, store, new QLearningOptions { Seed = 1 }));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static async Task MeasureAsync(MarkdownTable table, string name, string[] asked,
        Func<Query, Task<QueryResponse>> query, Func<Feedback, CancellationToken, Task<FeedbackResult>> rate, Func<QueryResponse[], string> spread)
    {
        var warm = await Task.WhenAll(asked.Select(q => query(new Query(q))));
        var (queryRate, queryTimes, answered) = await ClosedLoopAsync(Questions, InFlight, i => query(new Query(asked[i % asked.Length])));
        var rated = answered.Where(r => r.Status == ResponseStatus.Answered).Take(Ratings).ToArray();
        var (ratingRate, ratingTimes, results) = await ClosedLoopAsync(rated.Length, InFlight, i => rate(new Feedback(rated[i].ResponseId, null, i % 4 == 0 ? -0.5f : 1f, i % 4 != 0), CancellationToken.None));
        if (results.Any(r => r.Status != FeedbackStatus.Applied)) throw new InvalidOperationException($"{name}: a rating was not applied: {results.First(r => r.Status != FeedbackStatus.Applied).Message}");
        var (_, soloTimes, _) = await ClosedLoopAsync(Solo, 1, i => query(new Query(asked[(i * 7) % asked.Length])));
        var solo = Percentiles.Of(soloTimes);
        var q = Percentiles.Of(queryTimes);
        var r = Percentiles.Of(ratingTimes);
        table.Row(name, $"{Questions:N0}", $"{queryRate:N0}", $"{q.P50:N0}", $"{q.P95:N0}", $"{rated.Length:N0}", $"{ratingRate:N0}", $"{r.P50:N0}", $"{r.P95:N0}", $"{solo.P50:N0} / {solo.P95:N0}", spread(warm));
    }

    // Keeps inFlight calls going until count are done: rate, per-call µs, results in call order.
    private static async Task<(double PerSecond, double[] Micros, T[] Results)> ClosedLoopAsync<T>(int count, int inFlight, Func<int, Task<T>> call)
    {
        var micros = new double[count];
        var results = new T[count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                results[i] = await call(i);
                micros[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }
        }));
        return (count / clock.Elapsed.TotalSeconds, micros, results);
    }
}
