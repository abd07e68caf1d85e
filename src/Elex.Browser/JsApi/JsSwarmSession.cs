using System.Text.Json;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Storage;
using Elex.Streams;
using Elex.Streams.Hosting;
using Elex.Sync;
using Elex.Sync.Transport;

namespace Elex.Browser.JsApi;

/// <summary>
/// One swarm behind the JS API: turns JSON from JavaScript into swarm calls and swarm results into
/// JSON, and every failure into an <see cref="ElexApiException"/> with a code. Owns the swarm with its
/// store (through a <see cref="SwarmSession"/>), its sync connection and its JS subscribers.
/// </summary>
public sealed partial class JsSwarmSession : IAsyncDisposable
{
    private readonly SwarmSession _owner;
    private readonly Func<Uri, TimeSpan, ISyncTransport> _createTransport;
    // One start at a time, and sync() waits for a start in progress rather than failing beside it.
    private readonly SemaphoreSlim _syncStart = new(1, 1);
    private readonly Lock _trustGate = new();
    private readonly SortedSet<SwarmPublicKey> _trusted = [];
    private Uri? _relay;
    private int _disposed;
    private readonly Func<string, Task<IAgentStore>>? _openStore;
    private Model.ISentenceModelLoader? _model;
    private readonly string _databaseName;

    private JsSwarmSession(SwarmSession owner, Func<Uri, TimeSpan, ISyncTransport> createTransport, Func<string, Task<IAgentStore>>? openStore, string databaseName)
    {
        _owner = owner;
        _openStore = openStore;
        _databaseName = databaseName;
        Conversations = new JsConversations(owner.Swarm);
        _createTransport = createTransport;
    }

    /// <summary>The swarm (for the dashboard, which shows the same swarm the JS API drives).</summary>
    public ElexSwarm Swarm => _owner.Swarm;

    /// <summary>The swarm's conversations (JS sessions), in which follow-up questions are understood.</summary>
    public JsConversations Conversations { get; }

    /// <summary>The JS subscribers of this swarm's streams, by the handle JavaScript holds; ended with the swarm.</summary>
    internal JsSubscriptions Subscriptions { get; } = new();

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
        // IndexedDB off (or no store to open): the swarm answers, nothing persists.
        if (!config.EnableIndexedDB) openStore = null;
        var databaseName = string.IsNullOrWhiteSpace(input.DatabaseName) ? "elex" : input.DatabaseName;
        JsSwarmSession session;
        try
        {
            var owner = await SwarmSession.StartAsync(catalog, config, openStore is null ? null : _ => openStore(databaseName)).ConfigureAwait(false);
            session = new JsSwarmSession(owner, createTransport, openStore, databaseName);
        }
        catch (StoreException e)
        {
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
        return JsonSerializer.Serialize(new JsFeedbackResult(result.Status.ToString(), result.AgentId, result.Message, _owner.Persists), ElexJsonContext.Default.JsFeedbackResult);
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
        return JsonSerializer.Serialize(new JsFeedbackResult("Applied", penalty.Applied ? penalty.AgentId : null, message, _owner.Persists), ElexJsonContext.Default.JsFeedbackResult);
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

    /// <summary>Calls <paramref name="deliver"/> with each response's JSON, in order, until the returned handle is disposed.</summary>
    public IDisposable SubscribeResponses(Action<string> deliver)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        ThrowIfDisposed();
        return Swarm.Responses.Subscribe(r => deliver(JsonSerializer.Serialize(JsResponse.From(r), ElexJsonContext.Default.JsResponse)));
    }

    /// <summary>Asks a question and calls <paramref name="deliver"/> with each answer part's JSON, in order, until the last or until the returned handle is disposed.</summary>
    /// <exception cref="ElexApiException">INVALID_QUERY (the query JSON), SWARM_DISPOSED.</exception>
    public IDisposable SubscribeQueryStream(string? queryJson, Action<string> deliver)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        var query = JsQueryParser.Parse(queryJson);
        ThrowIfDisposed();
        return Swarm.QueryStream(query).Subscribe(part => deliver(JsAnswerPart.Json(part)));
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

    /// <summary>Ends the conversations, shuts the swarm down (persisting everything once more) and closes the store, then ends the JS subscriptions.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Conversations.CloseAll();
        try
        {
            // Queries still queued are answered on the way out, and their subscribers still see them.
            await _owner.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            Subscriptions.DisposeAll();
        }
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
}
