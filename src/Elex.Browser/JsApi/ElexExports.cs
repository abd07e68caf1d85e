using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;
using Elex.Browser.IndexedDb;
using Elex.Core.Catalog;
using Elex.Storage;
using Elex.Sync.Transport;

namespace Elex.Browser.JsApi;

/// <summary>
/// The [JSExport] surface that <c>elex.js</c> wraps: swarms are addressed by a numeric handle, and
/// everything else crosses as JSON strings (source-generated, see <see cref="ElexJsonContext"/>). Every
/// call that can fail answers a <see cref="JsOutcome"/> — the value, or the error's code and message as
/// fields. Nothing here depends on a host's startup code, so the same exports serve a Blazor page, a
/// plain page and Node.
/// </summary>
[SupportedOSPlatform("browser")]
public static partial class ElexExports
{
    private static readonly Dictionary<int, JsSwarmSession> Sessions = [];
    private static int _nextHandle;

    private static FeatureCatalog Sample => field ??= SampleCatalog.Load();

    /// <summary>
    /// Creates a swarm over <paramref name="catalogUtf8"/> (an Elex catalog as UTF-8 JSON) or, when
    /// none is given, the embedded sample catalog; the outcome's value is the swarm's handle.
    /// </summary>
    [JSExport]
    public static Task<string> CreateSwarm(string? configJson, byte[]? catalogUtf8, string? catalogSource) => JsOutcome.OfAsync(async () =>
    {
        var catalog = catalogUtf8 is null ? Sample : LoadCatalog(catalogUtf8, string.IsNullOrWhiteSpace(catalogSource) ? "catalog" : catalogSource);
        var session = await JsSwarmSession.CreateAsync(catalog, configJson, OpenStoreAsync, CreateSyncTransport).ConfigureAwait(true);
        var handle = ++_nextHandle;
        Sessions[handle] = session;
        return JsOutcome.Json(handle);
    });

    /// <summary>Asks a question (query JSON); the value is the response.</summary>
    [JSExport]
    public static Task<string> Query(int swarm, string? queryJson) => JsOutcome.OfAsync(() => Session(swarm).QueryAsync(queryJson));

    /// <summary>Starts a session (a conversation) on a swarm; the value is its handle, unique within the swarm.</summary>
    [JSExport]
    public static string CreateSession(int swarm) => JsOutcome.Of(() => JsOutcome.Json(Session(swarm).Conversations.Open()));

    /// <summary>Asks a question (query JSON) in a session, understood in its context; the value is the response.</summary>
    [JSExport]
    public static Task<string> SessionQuery(int swarm, int session, string? queryJson) =>
        JsOutcome.OfAsync(() => Session(swarm).Conversations.QueryAsync(session, queryJson));

    /// <summary>The features a session is about; the value is <c>[{ code, name }]</c>.</summary>
    [JSExport]
    public static string SessionContext(int swarm, int session) => JsOutcome.Of(() => Session(swarm).Conversations.Context(session));

    /// <summary>Forgets a session's context.</summary>
    [JSExport]
    public static string ResetSession(int swarm, int session) => JsOutcome.Of(() =>
    {
        Session(swarm).Conversations.Reset(session);
        return JsOutcome.Nothing;
    });

    /// <summary>Ends a session; unknown handles are ignored.</summary>
    [JSExport]
    public static string CloseSession(int swarm, int session) => JsOutcome.Of(() =>
    {
        Session(swarm).Conversations.Close(session);
        return JsOutcome.Nothing;
    });

    /// <summary>Teaches an agent (feedback JSON); completes once applied (and durable with a store).</summary>
    [JSExport]
    public static Task<string> Feedback(int swarm, string? feedbackJson) => JsOutcome.OfAsync(() => Session(swarm).FeedbackAsync(feedbackJson));

    /// <summary>One agent's stats, by agent id or feature code.</summary>
    [JSExport]
    public static string GetAgentStats(int swarm, string? agentIdOrCode) => JsOutcome.Of(() => Session(swarm).GetAgentStats(agentIdOrCode));

    /// <summary>The swarm's stats (latency, persistence, sync).</summary>
    [JSExport]
    public static string GetSwarmStats(int swarm) => JsOutcome.Of(() => Session(swarm).GetSwarmStats());

    /// <summary>Writes every agent now; completes once committed.</summary>
    [JSExport]
    public static Task<string> Persist(int swarm) => JsOutcome.OfAsync(async () =>
    {
        await Session(swarm).PersistAsync().ConfigureAwait(true);
        return JsOutcome.Nothing;
    });

    /// <summary>Publishes own learning through the relay; the value is the number of agents published.</summary>
    [JSExport]
    public static Task<string> Sync(int swarm) => JsOutcome.OfAsync(async () => JsOutcome.Json(await Session(swarm).SyncAsync().ConfigureAwait(true)));

    /// <summary>Trusts the keys and connects to the relay (sync options JSON, as <c>config.sync</c>); completes once connected.</summary>
    [JSExport]
    public static Task<string> StartSync(int swarm, string? syncJson) => JsOutcome.OfAsync(async () =>
    {
        await Session(swarm).StartSyncAsync(syncJson).ConfigureAwait(true);
        return JsOutcome.Nothing;
    });

    /// <summary>This swarm's public key, <c>ed25519-pub:…</c>.</summary>
    [JSExport]
    public static string Identity(int swarm) => JsOutcome.Of(() => JsOutcome.Json(Session(swarm).Identity()));

    /// <summary>Trusts a peer's key; the value is true when it was not trusted before.</summary>
    [JSExport]
    public static string Trust(int swarm, string? key) => JsOutcome.Of(() => JsOutcome.Json(Session(swarm).Trust(key)));

    /// <summary>Calls <paramref name="deliver"/> with each response's JSON; the value is the subscription's handle for <see cref="Unsubscribe"/>.</summary>
    [JSExport]
    public static string SubscribeResponses(int swarm, [JSMarshalAs<JSType.Function<JSType.String>>] Action<string> deliver) => JsOutcome.Of(() =>
    {
        var session = Session(swarm);
        return JsOutcome.Json(session.Subscriptions.Add(session.SubscribeResponses(deliver)));
    });

    /// <summary>
    /// Asks a question (query JSON) and calls <paramref name="deliver"/> with each of its answer parts' JSON as the
    /// swarm produces them (routed, sections, verdicts, then done or error); the value is the subscription's handle
    /// for <see cref="Unsubscribe"/>, which stops the delivery (the question is still answered).
    /// </summary>
    [JSExport]
    public static string QueryStream(int swarm, string? queryJson, [JSMarshalAs<JSType.Function<JSType.String>>] Action<string> deliver) => JsOutcome.Of(() =>
    {
        var session = Session(swarm);
        return JsOutcome.Json(session.Subscriptions.Add(session.SubscribeQueryStream(queryJson, deliver)));
    });

    /// <summary>Calls <paramref name="deliver"/> with each latency-window update's JSON; the value is the subscription's handle for <see cref="Unsubscribe"/>.</summary>
    [JSExport]
    public static string SubscribeTelemetry(int swarm, [JSMarshalAs<JSType.Function<JSType.String>>] Action<string> deliver) => JsOutcome.Of(() =>
    {
        var session = Session(swarm);
        return JsOutcome.Json(session.Subscriptions.Add(session.SubscribeTelemetry(deliver)));
    });

    /// <summary>Ends a subscription; one of a swarm already shut down (which ended it) is ignored.</summary>
    [JSExport]
    public static void Unsubscribe(int swarm, int subscription)
    {
        if (Sessions.TryGetValue(swarm, out var session)) session.Subscriptions.Remove(subscription);
    }

    /// <summary>
    /// Loads the sentence model from a model asset folder into a swarm's router (elex-model.js fetches it
    /// with progress into the Cache Storage API; ONNX Runtime Web runs the graph); <paramref name="progress"/>
    /// receives each step's JSON. The value is the load result; the error MODEL_UNAVAILABLE names what was wrong.
    /// </summary>
    [JSExport]
    public static Task<string> LoadModel(int swarm, string? url, [JSMarshalAs<JSType.Function<JSType.String>>] Action<string> progress) =>
        JsOutcome.OfAsync(() => Session(swarm).LoadModelAsync(url, progress, Model.SentenceModelLoader.ForBrowser));

    /// <summary>The sentence model's status.</summary>
    [JSExport]
    public static string ModelStatus(int swarm) => JsOutcome.Of(() => Session(swarm).ModelStatus());

    /// <summary>Times the router alone over <paramref name="queries"/> catalog questions.</summary>
    [JSExport]
    public static string BenchmarkRoute(int swarm, int queries) => JsOutcome.Of(() => Session(swarm).BenchmarkRoute(queries));

    /// <summary>On a scratch swarm, makes every agent answer, then times the batch write of all of them; this swarm learns nothing.</summary>
    [JSExport]
    public static Task<string> BenchmarkPersistAll(int swarm) => JsOutcome.OfAsync(() => Session(swarm).BenchmarkPersistAllAsync());

    /// <summary>Shuts the swarm down, persisting everything once more; unknown handles are ignored.</summary>
    [JSExport]
    public static Task<string> Shutdown(int swarm) => JsOutcome.OfAsync(async () =>
    {
        if (!Sessions.Remove(swarm, out var session)) return JsOutcome.Nothing;
        try
        {
            await session.DisposeAsync().ConfigureAwait(true);
        }
        catch (StoreException e)
        {
            // The last write failed; the swarm is down and its store closed all the same.
            throw new ElexApiException(ElexErrorCodes.StoreError, e.Message, e);
        }
        return JsOutcome.Nothing;
    });

    /// <summary>The assembly version of this build.</summary>
    [JSExport]
    public static string Version() => typeof(ElexExports).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary>What sync says where JavaScript has no WebSocket for .NET's ClientWebSocket to use.</summary>
    private const string NoWebSocketReason =
        "this JavaScript host has no global WebSocket: run Node 20 with --experimental-websocket (or set globalThis.WebSocket from the 'ws' package); Node 22 and browsers have it";

    // Without a global WebSocket the runtime's ClientWebSocket fails an internal assertion that ends the whole
    // process, so the swarm is given a transport that reports the missing WebSocket as a failed connection instead.
    private static ISyncTransport CreateSyncTransport(Uri relay, TimeSpan connectTimeout) =>
        JSHost.GlobalThis.GetTypeOfProperty("WebSocket") == "function"
            ? JsSwarmSession.ConnectWebSocket(relay, connectTimeout)
            : new UnavailableSyncTransport(NoWebSocketReason);

    private static async Task<IAgentStore> OpenStoreAsync(string databaseName) =>
        await IndexedDbAgentStore.OpenAsync(databaseName).ConfigureAwait(true);

    private static FeatureCatalog LoadCatalog(byte[] utf8Json, string source)
    {
        try
        {
            return CatalogLoader.Load(utf8Json, source);
        }
        catch (CatalogException e)
        {
            throw new ElexApiException(ElexErrorCodes.InvalidCatalog, e.Message, e);
        }
    }

    private static JsSwarmSession Session(int handle) =>
        Sessions.TryGetValue(handle, out var session) ? session
            : throw new ElexApiException(ElexErrorCodes.SwarmDisposed, $"swarm {handle} was shut down or never created");
}
