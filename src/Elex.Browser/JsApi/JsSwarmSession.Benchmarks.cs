using System.Diagnostics;
using System.Text.Json;
using Elex.Browser.IndexedDb;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Streams;
using Elex.Streams.Hosting;
using Elex.Storage;

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
    /// the catalog answer (by its feature code) and learn from a 👍 (waiting until each 👍 is durable),
    /// then times one <see cref="ElexSwarm.PersistAsync"/> — the batch write of all agents with their
    /// Q-tables, replay buffers and state — twice: cold, then after every agent answered and learned
    /// again, each with its split (JSON result).
    /// This swarm and its database are not touched.
    /// </summary>
    public async Task<string> BenchmarkPersistAllAsync()
    {
        ThrowIfDisposed();
        if (_openStore is null) throw new ElexApiException(ElexErrorCodes.StoreError, "this swarm has no store (enableIndexedDB is false)");
        // The measurement teaches every agent: it runs on a scratch swarm over its own database, so the
        // user's swarm is never asked or taught anything and its learned state is never touched.
        var scratchDatabase = ScratchDatabaseName(_databaseName);
        var openStore = _openStore;
        return await Guard(async () =>
        {
            await using var scratch = await SwarmSession.StartAsync(Swarm.Catalog, new SwarmConfig(), _ => openStore(scratchDatabase)).ConfigureAwait(false);
            var (cold, coldSplit) = await LearnAllThenPersistAsync(scratch).ConfigureAwait(false);
            var (warm, split) = await LearnAllThenPersistAsync(scratch).ConfigureAwait(false);
            var stats = await scratch.Store!.GetStatisticsAsync().ConfigureAwait(false);
            return JsonSerializer.Serialize(
                new JsPersistBenchmark(scratch.Swarm.Registry.AllCounters().Count, cold, warm, stats.QTables.Records, stats.Trajectories.Records, stats.AgentStates.Records, coldSplit, split),
                ElexJsonContext.Default.JsPersistBenchmark);
        }).ConfigureAwait(false);
    }

    /// <summary>The database the persist measurement writes to, beside the swarm's own.</summary>
    public static string ScratchDatabaseName(string databaseName) => databaseName + "-persist-benchmark";

    private static async Task<(double Ms, JsPersistSplit? Split)> LearnAllThenPersistAsync(SwarmSession scratch)
    {
        var swarm = scratch.Swarm;
        var acknowledged = new List<Task<FeedbackResult>>();
        foreach (var feature in swarm.Catalog.Features)
        {
            var response = await swarm.QueryAsync(new Query(feature.Code.Value)).ConfigureAwait(false);
            acknowledged.Add(swarm.FeedbackAsync(Feedback.ForResponse(response.ResponseId, 1, true)));
        }
        // Each feedback asks for a write of its agent at once; those finish first, so the timed span is
        // the batch of every agent, not also a wait for a feedback's write still under way.
        await Task.WhenAll(acknowledged).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        await swarm.PersistAsync().ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (elapsed, SplitOf(elapsed, scratch.Store));
    }

    // The store's share comes from its own timings; the rest of the write is the writer's snapshot.
    private static JsPersistSplit? SplitOf(double elapsedMs, IAgentStore? store)
    {
        if (store is not IndexedDbAgentStore { LastWrite: { } w }) return null;
        return new JsPersistSplit(Math.Max(0, elapsedMs - w.TotalMs), w.PackMs, w.InteropMs, w.UnpackMs, w.PutMs, w.CommitMs, w.Bytes);
    }
}
