using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;
using Elex.Browser.IndexedDb;
using Elex.Core.Catalog;
using Elex.Storage;
using Elex.Sync.Transport;

namespace Elex.Browser.JsApi;

/// <summary>
/// The [JSExport] surface that <c>elex.js</c> wraps: swarms are addressed by a numeric handle, and
/// everything else crosses as JSON strings (source-generated, see <see cref="ElexJsonContext"/>).
/// Failures are <see cref="ElexApiException"/>s whose message starts with the error code. Nothing here
/// depends on a host's startup code, so the same exports serve a Blazor page, a plain page and Node.
/// </summary>
[SupportedOSPlatform("browser")]
public static partial class ElexExports
{
    private static readonly Dictionary<int, JsSwarmSession> Sessions = [];
    private static int _nextHandle;

    private static FeatureCatalog Sample => field ??= SampleCatalog.Load();

    /// <summary>
    /// Creates a swarm over <paramref name="catalogUtf8"/> (an Elex catalog as UTF-8 JSON) or, when
    /// none is given, the embedded sample catalog; resolves with the swarm's handle.
    /// </summary>
    [JSExport]
    public static async Task<int> CreateSwarm(string? configJson, byte[]? catalogUtf8, string? catalogSource)
    {
        var catalog = catalogUtf8 is null ? Sample : LoadCatalog(catalogUtf8, string.IsNullOrWhiteSpace(catalogSource) ? "catalog" : catalogSource);
        var session = await JsSwarmSession.CreateAsync(catalog, configJson, OpenStoreAsync, CreateSyncTransport).ConfigureAwait(true);
        var handle = ++_nextHandle;
        Sessions[handle] = session;
        return handle;
    }

    /// <summary>Asks a question (query JSON); resolves with the response JSON.</summary>
    [JSExport]
    public static Task<string> Query(int swarm, string? queryJson) => Session(swarm).QueryAsync(queryJson);

    /// <summary>Starts a session (a conversation) on a swarm; returns its handle, unique within the swarm.</summary>
    [JSExport]
    public static int CreateSession(int swarm) => Session(swarm).Conversations.Open();

    /// <summary>Asks a question (query JSON) in a session, understood in its context; resolves with the response JSON.</summary>
    [JSExport]
    public static Task<string> SessionQuery(int swarm, int session, string? queryJson) => Session(swarm).Conversations.QueryAsync(session, queryJson);

    /// <summary>The features a session is about, as JSON <c>[{ code, name }]</c>.</summary>
    [JSExport]
    public static string SessionContext(int swarm, int session) => Session(swarm).Conversations.Context(session);

    /// <summary>Forgets a session's context.</summary>
    [JSExport]
    public static void ResetSession(int swarm, int session) => Session(swarm).Conversations.Reset(session);

    /// <summary>Ends a session; unknown handles are ignored.</summary>
    [JSExport]
    public static void CloseSession(int swarm, int session) => Session(swarm).Conversations.Close(session);

    /// <summary>Teaches an agent (feedback JSON); resolves once applied (and durable with a store).</summary>
    [JSExport]
    public static Task<string> Feedback(int swarm, string? feedbackJson) => Session(swarm).FeedbackAsync(feedbackJson);

    /// <summary>One agent's stats as JSON, by agent id or feature code.</summary>
    [JSExport]
    public static string GetAgentStats(int swarm, string? agentIdOrCode) => Session(swarm).GetAgentStats(agentIdOrCode);

    /// <summary>The swarm's stats (latency, persistence, sync) as JSON.</summary>
    [JSExport]
    public static string GetSwarmStats(int swarm) => Session(swarm).GetSwarmStats();

    /// <summary>Writes every agent now; resolves once committed.</summary>
    [JSExport]
    public static Task Persist(int swarm) => Session(swarm).PersistAsync();

    /// <summary>Publishes own learning through the relay; resolves with the agents published.</summary>
    [JSExport]
    public static Task<int> Sync(int swarm) => Session(swarm).SyncAsync();

    /// <summary>Trusts the keys and connects to the relay (sync options JSON, as <c>config.sync</c>); resolves once connected.</summary>
    [JSExport]
    public static Task StartSync(int swarm, string? syncJson) => Session(swarm).StartSyncAsync(syncJson);

    /// <summary>This swarm's public key, <c>ed25519-pub:…</c>.</summary>
    [JSExport]
    public static string Identity(int swarm) => Session(swarm).Identity();

    /// <summary>Trusts a peer's key; true when it was not trusted before.</summary>
    [JSExport]
    public static bool Trust(int swarm, string? key) => Session(swarm).Trust(key);

    /// <summary>Calls <paramref name="deliver"/> with each response's JSON; returns the unsubscribe function.</summary>
    [JSExport]
    [return: JSMarshalAs<JSType.Function>]
    public static Action SubscribeResponses(int swarm, [JSMarshalAs<JSType.Function<JSType.String>>] Action<string> deliver)
    {
        var subscription = Session(swarm).SubscribeResponses(deliver);
        return subscription.Dispose;
    }

    /// <summary>Calls <paramref name="deliver"/> with each latency-window update's JSON; returns the unsubscribe function.</summary>
    [JSExport]
    [return: JSMarshalAs<JSType.Function>]
    public static Action SubscribeTelemetry(int swarm, [JSMarshalAs<JSType.Function<JSType.String>>] Action<string> deliver)
    {
        var subscription = Session(swarm).SubscribeTelemetry(deliver);
        return subscription.Dispose;
    }

    /// <summary>
    /// Loads the sentence model from a model asset folder into a swarm's router (elex-model.js fetches it
    /// with progress into the Cache Storage API; ONNX Runtime Web runs the graph); <paramref name="progress"/>
    /// receives each step's JSON. Resolves with the load result JSON; rejects with MODEL_UNAVAILABLE naming
    /// what was wrong.
    /// </summary>
    [JSExport]
    public static Task<string> LoadModel(int swarm, string? url, [JSMarshalAs<JSType.Function<JSType.String>>] Action<string> progress) =>
        Session(swarm).LoadModelAsync(url, progress, Model.SentenceModelLoader.ForBrowser);

    /// <summary>The sentence model's status JSON.</summary>
    [JSExport]
    public static string ModelStatus(int swarm) => Session(swarm).ModelStatus();

    /// <summary>Times the router alone over <paramref name="queries"/> catalog questions (JSON result).</summary>
    [JSExport]
    public static string BenchmarkRoute(int swarm, int queries) => Session(swarm).BenchmarkRoute(queries);

    /// <summary>Makes every agent answer, then times the batch write of all of them (JSON result).</summary>
    [JSExport]
    public static Task<string> BenchmarkPersistAll(int swarm) => Session(swarm).BenchmarkPersistAllAsync();

    /// <summary>Shuts the swarm down, persisting everything once more; unknown handles are ignored.</summary>
    [JSExport]
    public static async Task Shutdown(int swarm)
    {
        if (!Sessions.Remove(swarm, out var session)) return;
        await session.DisposeAsync().ConfigureAwait(true);
    }

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
