using System.Diagnostics;
using System.Text.Json;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Streams;

namespace Elex.Browser.JsApi;

// The measurements the demo page runs in the browser, where no benchmark harness can.
public sealed partial class JsSwarmSession
{
    /// <summary>Times the router alone over <paramref name="queries"/> questions built from the catalog (JSON result).</summary>
    public string BenchmarkRoute(int queries)
    {
        ThrowIfDisposed();
        var result = RouteBenchmark.Run(Swarm.Router, Math.Clamp(queries, 1, 1_000_000));
        return JsonSerializer.Serialize(result, ElexJsonContext.Default.JsRouteBenchmark);
    }

    /// <summary>
    /// On a scratch swarm over its own database (<see cref="ScratchDatabaseName"/>), makes every agent of
    /// the catalog answer (by its feature code) and learn from a 👍, then times one
    /// <see cref="ElexSwarm.PersistAsync"/> — the batch write of all agents with their Q-tables, replay
    /// buffers and state — twice: cold, then after every agent answered and learned again (JSON result).
    /// This swarm and its database are not touched.
    /// </summary>
    public async Task<string> BenchmarkPersistAllAsync()
    {
        ThrowIfDisposed();
        if (_store is null || _openStore is null || _databaseName is null) throw new ElexApiException(ElexErrorCodes.StoreError, "this swarm has no store (enableIndexedDB is false)");
        // The measurement teaches every agent: it runs on a scratch swarm over its own database, so the
        // user's learned state is never touched.
        var store = await _openStore(ScratchDatabaseName(_databaseName)).ConfigureAwait(false);
        try
        {
            await using var scratch = await ElexSwarm.CreateAsync(Swarm.Catalog, new SwarmConfig(), store).ConfigureAwait(false);
            var cold = await LearnAllThenPersistAsync(scratch).ConfigureAwait(false);
            var warm = await LearnAllThenPersistAsync(scratch).ConfigureAwait(false);
            var stats = await store.GetStatisticsAsync().ConfigureAwait(false);
            return JsonSerializer.Serialize(
                new JsPersistBenchmark(scratch.Registry.AllCounters().Count, cold.TotalMilliseconds, warm.TotalMilliseconds, stats.QTables.Records, stats.Trajectories.Records, stats.AgentStates.Records),
                ElexJsonContext.Default.JsPersistBenchmark);
        }
        finally
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The database the persist measurement writes to, beside the swarm's own.</summary>
    public static string ScratchDatabaseName(string databaseName) => databaseName + "-persist-benchmark";

    private static async Task<TimeSpan> LearnAllThenPersistAsync(ElexSwarm swarm)
    {
        var acknowledged = new List<Task<FeedbackResult>>();
        foreach (var feature in swarm.Catalog.Features)
        {
            var response = await swarm.QueryAsync(new Query(feature.Code.Value)).ConfigureAwait(false);
            // Acknowledged once durable: awaited after the timed write, which is what makes them durable.
            acknowledged.Add(swarm.FeedbackAsync(Feedback.ForResponse(response.ResponseId, 1, true)));
        }
        var started = Stopwatch.GetTimestamp();
        await swarm.PersistAsync().ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await Task.WhenAll(acknowledged).ConfigureAwait(false);
        return elapsed;
    }
}
