using System.Diagnostics;
using System.Text.Json;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Storage;
using Elex.Streams;

namespace Elex.Browser.JsApi;

/// <summary>
/// One swarm behind the JS API: turns JSON from JavaScript into swarm calls and swarm results into
/// JSON, and every failure into an <see cref="ElexApiException"/> with a code. Owns the swarm and its store.
/// </summary>
public sealed class JsSwarmSession : IAsyncDisposable
{
    private readonly IAgentStore? _store;
    private int _disposed;

    private JsSwarmSession(ElexSwarm swarm, IAgentStore? store)
    {
        Swarm = swarm;
        _store = store;
    }

    /// <summary>The swarm (for the dashboard, which shows the same swarm the JS API drives).</summary>
    public ElexSwarm Swarm { get; }

    /// <summary>
    /// Creates a swarm over <paramref name="catalog"/> from the JS config; with IndexedDB enabled (the
    /// default) <paramref name="openStore"/> opens the named database and the swarm restores from it.
    /// </summary>
    /// <exception cref="ElexApiException">INVALID_CONFIG or STORE_ERROR.</exception>
    public static async Task<JsSwarmSession> CreateAsync(FeatureCatalog catalog, string? configJson, Func<string, Task<IAgentStore>>? openStore)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var input = ParseConfig(configJson);
        var config = ToSwarmConfig(input);
        IAgentStore? store = null;
        try
        {
            if ((input.EnableIndexedDB ?? config.EnableIndexedDB) && openStore is not null)
            {
                store = await openStore(string.IsNullOrWhiteSpace(input.DatabaseName) ? "elex" : input.DatabaseName).ConfigureAwait(false);
                return new JsSwarmSession(await ElexSwarm.CreateAsync(catalog, config, store).ConfigureAwait(false), store);
            }
            return new JsSwarmSession(new ElexSwarm(catalog, config), null);
        }
        catch (StoreException e)
        {
            if (store is not null) await store.DisposeAsync().ConfigureAwait(false);
            throw new ElexApiException(ElexErrorCodes.StoreError, e.Message, e);
        }
    }

    /// <summary>Asks a question; resolves with the response as JSON.</summary>
    public async Task<string> QueryAsync(string? queryJson)
    {
        var query = JsQueryParser.Parse(queryJson);
        var response = await Guard(() => Swarm.QueryAsync(query)).ConfigureAwait(false);
        return JsonSerializer.Serialize(JsResponse.From(response), ElexJsonContext.Default.JsResponse);
    }

    /// <summary>Teaches an agent; resolves once applied (and durable with a store), rejects with the reason otherwise.</summary>
    public async Task<string> FeedbackAsync(string? feedbackJson)
    {
        JsFeedback? input;
        try
        {
            input = string.IsNullOrWhiteSpace(feedbackJson) ? null : JsonSerializer.Deserialize(feedbackJson, ElexJsonContext.Default.JsFeedback);
        }
        catch (JsonException e)
        {
            throw new ElexApiException(ElexErrorCodes.InvalidFeedback, $"the feedback is not a valid object ({e.Message})");
        }
        if (input?.Reward is not { } reward) throw new ElexApiException(ElexErrorCodes.InvalidFeedback, "feedback.reward (a number in [-1, 1]) is required");
        var success = input.Success ?? reward > 0;
        var feedback = !string.IsNullOrWhiteSpace(input.ResponseId) ? Feedback.ForResponse(input.ResponseId, reward, success)
            : !string.IsNullOrWhiteSpace(input.AgentId) ? Feedback.ForAgent(input.AgentId, reward, success)
            : throw new ElexApiException(ElexErrorCodes.InvalidFeedback, "feedback needs a responseId or an agentId");
        var result = await Guard(() => Swarm.FeedbackAsync(feedback)).ConfigureAwait(false);
        var code = result.Status switch
        {
            FeedbackStatus.Applied => null,
            FeedbackStatus.UnknownResponse => ElexErrorCodes.UnknownResponse,
            FeedbackStatus.UnknownAgent => ElexErrorCodes.UnknownAgent,
            FeedbackStatus.InvalidReward or FeedbackStatus.MissingTarget => ElexErrorCodes.InvalidFeedback,
            _ => ElexErrorCodes.Internal,
        };
        if (code is not null) throw new ElexApiException(code, result.Message);
        return JsonSerializer.Serialize(new JsFeedbackResult(result.Status.ToString(), result.AgentId, result.Message, _store is not null), ElexJsonContext.Default.JsFeedbackResult);
    }

    /// <summary>One agent's stats as JSON (by agent id or feature code).</summary>
    public string GetAgentStats(string? agentIdOrCode)
    {
        ThrowIfDisposed();
        var stats = string.IsNullOrWhiteSpace(agentIdOrCode) ? null : Swarm.GetAgentStats(agentIdOrCode);
        if (stats is null) throw new ElexApiException(ElexErrorCodes.UnknownAgent, $"no agent or feature '{agentIdOrCode}' in the catalog");
        return JsonSerializer.Serialize(JsAgentStats.From(stats), ElexJsonContext.Default.JsAgentStats);
    }

    /// <summary>The swarm's stats as JSON.</summary>
    public string GetSwarmStats()
    {
        ThrowIfDisposed();
        return JsonSerializer.Serialize(JsSwarmStats.From(Swarm.GetSwarmStats(), Swarm.GetPersistenceStatus(), Swarm.GetSyncStatus()), ElexJsonContext.Default.JsSwarmStats);
    }

    /// <summary>Writes every agent now; resolves once committed.</summary>
    public Task PersistAsync() => Guard(async () =>
    {
        await Swarm.PersistAsync().ConfigureAwait(false);
        return true;
    });

    /// <summary>Publishes own learning; rejects with SYNC_NOT_STARTED when no transport was started.</summary>
    public Task<int> SyncAsync() => Guard(() => Swarm.SyncAsync());

    /// <summary>Calls <paramref name="deliver"/> with each response's JSON, in order, until the returned handle is disposed.</summary>
    public IDisposable SubscribeResponses(Action<string> deliver)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        ThrowIfDisposed();
        return Swarm.Responses.Subscribe(r => deliver(JsonSerializer.Serialize(JsResponse.From(r), ElexJsonContext.Default.JsResponse)));
    }

    /// <summary>Calls <paramref name="deliver"/> with each latency-window update (current value first) until disposed.</summary>
    public IDisposable SubscribeTelemetry(Action<string> deliver)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        ThrowIfDisposed();
        return Swarm.Latency.Subscribe(s => deliver(JsonSerializer.Serialize(JsLatency.From(s), ElexJsonContext.Default.JsLatency)));
    }

    /// <summary>Times the router alone over <paramref name="queries"/> questions built from the catalog (JSON result).</summary>
    public string BenchmarkRoute(int queries)
    {
        ThrowIfDisposed();
        var result = RouteBenchmark.Run(Swarm.Router, Math.Clamp(queries, 1, 1_000_000));
        return JsonSerializer.Serialize(result, ElexJsonContext.Default.JsRouteBenchmark);
    }

    /// <summary>
    /// Makes every agent of the catalog answer (by its feature code) and learn from a 👍, then times
    /// one <see cref="ElexSwarm.PersistAsync"/> — the batch write of all agents with their Q-tables,
    /// replay buffers and state — twice: cold, then after every agent answered and learned again (JSON result).
    /// </summary>
    public async Task<string> BenchmarkPersistAllAsync()
    {
        ThrowIfDisposed();
        if (_store is null) throw new ElexApiException(ElexErrorCodes.StoreError, "this swarm has no store (enableIndexedDB is false)");
        var cold = await LearnAllThenPersistAsync().ConfigureAwait(false);
        var warm = await LearnAllThenPersistAsync().ConfigureAwait(false);
        var stats = await _store.GetStatisticsAsync().ConfigureAwait(false);
        return JsonSerializer.Serialize(
            new JsPersistBenchmark(Swarm.Registry.AllCounters().Count, cold.TotalMilliseconds, warm.TotalMilliseconds, stats.QTables.Records, stats.Trajectories.Records, stats.AgentStates.Records),
            ElexJsonContext.Default.JsPersistBenchmark);
    }

    private async Task<TimeSpan> LearnAllThenPersistAsync()
    {
        var acknowledged = new List<Task<FeedbackResult>>();
        foreach (var feature in Swarm.Catalog.Features)
        {
            var response = await Guard(() => Swarm.QueryAsync(new Query(feature.Code.Value))).ConfigureAwait(false);
            // Acknowledged once durable: awaited after the timed write, which is what makes them durable.
            acknowledged.Add(Swarm.FeedbackAsync(Feedback.ForResponse(response.ResponseId, 1, true)));
        }
        var started = Stopwatch.GetTimestamp();
        await PersistAsync().ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await Task.WhenAll(acknowledged).ConfigureAwait(false);
        return elapsed;
    }

    /// <summary>Shuts the swarm down (persisting everything once more) and closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await Swarm.DisposeAsync().ConfigureAwait(false);
        if (_store is not null) await _store.DisposeAsync().ConfigureAwait(false);
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0) throw Disposed();
    }

    private static ElexApiException Disposed() => new(ElexErrorCodes.SwarmDisposed, "the swarm was shut down");

    private async Task<T> Guard<T>(Func<Task<T>> call)
    {
        ThrowIfDisposed();
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            throw Disposed();
        }
        catch (InvalidOperationException e) when (e.Message.Contains("not started", StringComparison.OrdinalIgnoreCase))
        {
            throw new ElexApiException(ElexErrorCodes.SyncNotStarted, "sync() needs a started sync transport (none is connected in this swarm)", e);
        }
        catch (StoreException e)
        {
            throw new ElexApiException(ElexErrorCodes.StoreError, e.Message, e);
        }
    }

    private static JsSwarmConfig ParseConfig(string? json)
    {
        try
        {
            return (string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize(json, ElexJsonContext.Default.JsSwarmConfig)) ?? new JsSwarmConfig();
        }
        catch (JsonException e)
        {
            throw new ElexApiException(ElexErrorCodes.InvalidConfig, $"the config is not a valid object ({e.Message})");
        }
    }

    private static SwarmConfig ToSwarmConfig(JsSwarmConfig input)
    {
        var defaults = new SwarmConfig();
        try
        {
            return new SwarmConfig
            {
                Topology = input.Topology is { } topology ? SwarmConfig.ParseTopology(topology) : defaults.Topology,
                MaxAgents = input.MaxAgents ?? defaults.MaxAgents,
                EnableTelemetry = input.EnableTelemetry ?? defaults.EnableTelemetry,
                EnableIndexedDB = input.EnableIndexedDB ?? defaults.EnableIndexedDB,
                CacheSizeMB = input.CacheSizeMB ?? defaults.CacheSizeMB,
                LazyLoading = input.LazyLoading ?? defaults.LazyLoading,
                AutoSync = input.AutoSync ?? defaults.AutoSync,
                SyncIntervalMs = input.SyncIntervalMs ?? defaults.SyncIntervalMs,
                MinConfidence = input.MinConfidence ?? defaults.MinConfidence,
            }.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ElexApiException(ElexErrorCodes.InvalidConfig, e.Message, e);
        }
    }
}
