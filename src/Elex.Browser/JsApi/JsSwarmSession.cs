using System.Diagnostics;
using System.Text.Json;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Storage;
using Elex.Streams;
using Elex.Sync;
using Elex.Sync.Transport;

namespace Elex.Browser.JsApi;

/// <summary>
/// One swarm behind the JS API: turns JSON from JavaScript into swarm calls and swarm results into
/// JSON, and every failure into an <see cref="ElexApiException"/> with a code. Owns the swarm, its store
/// and its sync connection.
/// </summary>
public sealed class JsSwarmSession : IAsyncDisposable
{
    private readonly IAgentStore? _store;
    private readonly Func<Uri, TimeSpan, ISyncTransport> _createTransport;
    // One start at a time, and sync() waits for a start in progress rather than failing beside it.
    private readonly SemaphoreSlim _syncStart = new(1, 1);
    private readonly Lock _trustGate = new();
    private readonly SortedSet<SwarmPublicKey> _trusted = [];
    private Uri? _relay;
    private int _disposed;
    private readonly Func<string, Task<IAgentStore>>? _openStore;
    private Model.ISentenceModelLoader? _model;
    private readonly string? _databaseName;

    private JsSwarmSession(ElexSwarm swarm, IAgentStore? store, Func<Uri, TimeSpan, ISyncTransport> createTransport)
        : this(swarm, store, createTransport, null, null)
    {
    }

    private JsSwarmSession(ElexSwarm swarm, IAgentStore? store, Func<Uri, TimeSpan, ISyncTransport> createTransport, Func<string, Task<IAgentStore>>? openStore, string? databaseName)
    {
        _openStore = openStore;
        _databaseName = databaseName;
        Swarm = swarm;
        Conversations = new JsConversations(swarm);
        _store = store;
        _createTransport = createTransport;
    }

    /// <summary>The swarm (for the dashboard, which shows the same swarm the JS API drives).</summary>
    public ElexSwarm Swarm { get; }

    /// <summary>The swarm's conversations (JS sessions), in which follow-up questions are understood.</summary>
    public JsConversations Conversations { get; }

    /// <summary>
    /// Creates a swarm over <paramref name="catalog"/> from the JS config; with IndexedDB enabled (the
    /// default) <paramref name="openStore"/> opens the named database and the swarm restores from it.
    /// With <c>config.sync</c> it connects to the relay over a WebSocket; a relay that cannot be reached
    /// does not fail the swarm — the sync status says why, and <c>sync()</c> rejects with SYNC_UNAVAILABLE.
    /// </summary>
    /// <exception cref="ElexApiException">INVALID_CONFIG or STORE_ERROR.</exception>
    public static Task<JsSwarmSession> CreateAsync(FeatureCatalog catalog, string? configJson, Func<string, Task<IAgentStore>>? openStore) =>
        CreateAsync(catalog, configJson, openStore, ConnectWebSocket);

    /// <summary>As the public overload, with the sync transport made by <paramref name="createTransport"/> (relay address, connect timeout).</summary>
    internal static async Task<JsSwarmSession> CreateAsync(
        FeatureCatalog catalog, string? configJson, Func<string, Task<IAgentStore>>? openStore, Func<Uri, TimeSpan, ISyncTransport> createTransport)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(createTransport);
        var input = ParseConfig(configJson);
        var config = ToSwarmConfig(input);
        var sync = input.Sync is { } syncInput ? JsSyncSettings.From(syncInput) : null;
        JsSwarmSession session;
        IAgentStore? store = null;
        try
        {
            if ((input.EnableIndexedDB ?? config.EnableIndexedDB) && openStore is not null)
            {
                var databaseName = string.IsNullOrWhiteSpace(input.DatabaseName) ? "elex" : input.DatabaseName;
                store = await openStore(databaseName).ConfigureAwait(false);
                session = new JsSwarmSession(await ElexSwarm.CreateAsync(catalog, config, store).ConfigureAwait(false), store, createTransport, openStore, databaseName);
            }
            else
            {
                session = new JsSwarmSession(new ElexSwarm(catalog, config), null, createTransport);
            }
        }
        catch (StoreException e)
        {
            if (store is not null) await store.DisposeAsync().ConfigureAwait(false);
            throw new ElexApiException(ElexErrorCodes.StoreError, e.Message, e);
        }
        if (sync is null) return session;
        try
        {
            await session.StartSyncAsync(sync).ConfigureAwait(false);
        }
        catch (ElexApiException e) when (e.Code == ElexErrorCodes.SyncUnavailable)
        {
            // The swarm answers without its peers; the sync status carries the reason.
        }
        return session;
    }

    /// <summary>This swarm's public key, <c>ed25519-pub:…</c>, for peers' <c>trustedKeys</c>.</summary>
    public string Identity()
    {
        ThrowIfDisposed();
        return Swarm.Identity.ToString();
    }

    /// <summary>Trusts a peer's key from now on; true when it was not trusted before.</summary>
    /// <exception cref="ElexApiException">INVALID_CONFIG when <paramref name="key"/> is not a public key.</exception>
    public bool Trust(string? key)
    {
        ThrowIfDisposed();
        return TrustAll([JsSyncSettings.ParseKey(key, "trust(key)")]) == 1;
    }

    /// <summary>
    /// Trusts the given keys and connects to the relay (the JS <c>startSync</c>, with <c>config.sync</c>'s
    /// JSON). Already connected to the same relay: only the keys are added. A closed connection (failed or
    /// lost) is replaced.
    /// </summary>
    /// <exception cref="ElexApiException">
    /// INVALID_CONFIG (a field, or a different relay while connected), SYNC_UNAVAILABLE (the relay could not
    /// be reached; the status says why), SWARM_DISPOSED.
    /// </exception>
    public async Task StartSyncAsync(string? syncJson)
    {
        ThrowIfDisposed();
        await StartSyncAsync(JsSyncSettings.Parse(syncJson)).ConfigureAwait(false);
    }

    private async Task StartSyncAsync(JsSyncSettings settings)
    {
        await _syncStart.WaitAsync().ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            TrustAll(settings.TrustedKeys);
            if (Swarm.GetSyncStatus().Connected)
            {
                if (settings.Relay == _relay) return;
                throw new ElexApiException(ElexErrorCodes.InvalidConfig, $"sync.relayUrl: this swarm is already connected to {_relay}; shut it down to use {settings.Relay}");
            }
            _relay = settings.Relay;
            try
            {
                await Swarm.StartSyncAsync(_createTransport(settings.Relay, settings.ConnectTimeout)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ObjectDisposedException || Volatile.Read(ref _disposed) != 0)
            {
                // Shutting down closes a connection still being opened; that is the swarm going away, not the relay.
                throw Disposed();
            }
            catch (SyncTransportClosedException e)
            {
                throw new ElexApiException(ElexErrorCodes.SyncUnavailable, $"could not connect to the sync relay {settings.Relay} ({e.Closure})", e);
            }
        }
        finally
        {
            _syncStart.Release();
        }
    }

    private int TrustAll(IReadOnlyList<SwarmPublicKey> keys)
    {
        lock (_trustGate)
        {
            foreach (var key in keys) _trusted.Add(key);
        }
        return Swarm.TrustPeers(keys);
    }

    private IReadOnlyList<string> TrustedKeys()
    {
        lock (_trustGate) return [.. _trusted.Select(k => k.ToString())];
    }

    /// <summary>A WebSocket transport to <paramref name="relay"/> giving up after <paramref name="connectTimeout"/>.</summary>
    internal static ISyncTransport ConnectWebSocket(Uri relay, TimeSpan connectTimeout) =>
        new WebSocketSyncTransport(relay, new WebSocketSyncTransportOptions { ConnectTimeout = connectTimeout });

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
        if (input is not null && !string.IsNullOrWhiteSpace(input.Correct)) return await CorrectAsync(input).ConfigureAwait(false);
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

    // { responseId, correct }: teach the router, then the answering agent (-1 unless a reward is given).
    private async Task<string> CorrectAsync(JsFeedback input)
    {
        if (string.IsNullOrWhiteSpace(input.ResponseId))
            throw new ElexApiException(ElexErrorCodes.InvalidFeedback, "feedback.correct needs the responseId of the answer it corrects");
        var corrected = await Guard(() => Swarm.CorrectAsync(input.ResponseId, input.Correct!)).ConfigureAwait(false);
        if (!corrected.Applied)
            throw new ElexApiException(FeatureCode.TryParse(input.Correct, out var code) && Swarm.Catalog.Contains(code) ? ElexErrorCodes.UnknownResponse : ElexErrorCodes.UnknownAgent, corrected.Message);
        var reward = input.Reward ?? -1f;
        var penalty = await Guard(() => Swarm.FeedbackAsync(Feedback.ForResponse(input.ResponseId, reward, input.Success ?? reward > 0))).ConfigureAwait(false);
        var message = penalty.Applied ? $"{corrected.Message} {penalty.Message}" : corrected.Message;
        return JsonSerializer.Serialize(new JsFeedbackResult("Applied", penalty.Applied ? penalty.AgentId : null, message, _store is not null), ElexJsonContext.Default.JsFeedbackResult);
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
        var sync = JsSyncStatus.From(Swarm.GetSyncStatus(), _relay, TrustedKeys());
        return JsonSerializer.Serialize(JsSwarmStats.From(Swarm.GetSwarmStats(), Swarm.GetPersistenceStatus(), sync), ElexJsonContext.Default.JsSwarmStats);
    }

    /// <summary>Writes every agent now; resolves once committed.</summary>
    public Task PersistAsync() => Guard(async () =>
    {
        await Swarm.PersistAsync().ConfigureAwait(false);
        return true;
    });

    /// <summary>
    /// Publishes own learning; resolves with the agents carried (0: nothing learned yet). Rejects with
    /// SYNC_NOT_STARTED when sync was never started, SYNC_UNAVAILABLE when the relay is not connected.
    /// </summary>
    public async Task<int> SyncAsync()
    {
        ThrowIfDisposed();
        await _syncStart.WaitAsync().ConfigureAwait(false);
        _syncStart.Release();
        return await Guard(() => Swarm.SyncAsync()).ConfigureAwait(false);
    }

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

    /// <summary>
    /// Loads the sentence model from the asset folder at <paramref name="url"/> into this swarm's router
    /// (the loader <paramref name="createLoader"/> makes, once); <paramref name="progress"/> receives each
    /// step as JSON. Resolves with the load result as JSON; on failure the status says why and the swarm
    /// routes as before.
    /// </summary>
    /// <exception cref="ElexApiException">MODEL_UNAVAILABLE, INVALID_CONFIG, SWARM_DISPOSED.</exception>
    public async Task<string> LoadModelAsync(string? url, Action<string> progress, Func<Core.Routing.FeatureRouter, Model.ISentenceModelLoader> createLoader)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(createLoader);
        ThrowIfDisposed();
        _model ??= createLoader(Swarm.Router);
        var result = await _model.LoadAsync(url ?? "", step => progress(JsonSerializer.Serialize(step, ElexJsonContext.Default.ModelProgress))).ConfigureAwait(false);
        return JsonSerializer.Serialize(result, ElexJsonContext.Default.ModelLoadResult);
    }

    /// <summary>The sentence model's state as JSON (<c>none</c>, <c>loading</c>, <c>ready</c>, <c>failed</c> with why).</summary>
    public string ModelStatus()
    {
        ThrowIfDisposed();
        return JsonSerializer.Serialize(_model?.Status ?? Model.JsModelStatus.None, ElexJsonContext.Default.JsModelStatus);
    }

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

    /// <summary>Shuts the swarm down (persisting everything once more) and closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Conversations.CloseAll();
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
            throw new ElexApiException(ElexErrorCodes.SyncNotStarted, "sync() needs sync to be started: give createSwarm a config.sync or call startSync({ relayUrl, trustedKeys })", e);
        }
        catch (SyncTransportClosedException e)
        {
            throw new ElexApiException(ElexErrorCodes.SyncUnavailable, $"the sync relay {_relay} is not connected ({e.Closure}); startSync() connects again", e);
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
                LazyLoading = input.LazyLoading ?? defaults.LazyLoading,
                AutoSync = input.AutoSync ?? defaults.AutoSync,
                SyncIntervalMs = input.SyncIntervalMs ?? defaults.SyncIntervalMs,
                MinConfidence = input.MinConfidence ?? defaults.MinConfidence,
                // The sentence model may be loaded later (loadModel) and answers with a Promise.
                AsyncModel = true,
            }.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ElexApiException(ElexErrorCodes.InvalidConfig, e.Message, e);
        }
    }
}
