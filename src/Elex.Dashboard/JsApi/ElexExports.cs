using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;
using Elex.Browser.JsApi;
using Elex.Core.Catalog;
using Elex.Storage;

namespace Elex.Dashboard.JsApi;

/// <summary>
/// The [JSExport] surface that <c>elex.js</c> wraps: swarms are addressed by a numeric handle, and
/// everything else crosses as JSON strings (source-generated, see <see cref="ElexJsonContext"/>).
/// Failures are <see cref="ElexApiException"/>s whose message starts with the error code.
/// </summary>
[SupportedOSPlatform("browser")]
public static partial class ElexExports
{
    private static readonly Dictionary<int, JsSwarmSession> Sessions = [];
    private static int _nextHandle;

    /// <summary>Set by Program before the app runs: opens an IndexedDB store by database name.</summary>
    internal static Func<string, Task<IAgentStore>>? OpenStore { get; set; }

    private static FeatureCatalog Catalog => field ??= SampleCatalog.Load();

    [JSExport]
    public static async Task<int> CreateSwarm(string? configJson)
    {
        var session = await JsSwarmSession.CreateAsync(Catalog, configJson, OpenStore).ConfigureAwait(true);
        var handle = ++_nextHandle;
        Sessions[handle] = session;
        return handle;
    }

    [JSExport]
    public static Task<string> Query(int swarm, string? queryJson) => Session(swarm).QueryAsync(queryJson);

    [JSExport]
    public static Task<string> Feedback(int swarm, string? feedbackJson) => Session(swarm).FeedbackAsync(feedbackJson);

    [JSExport]
    public static string GetAgentStats(int swarm, string? agentIdOrCode) => Session(swarm).GetAgentStats(agentIdOrCode);

    [JSExport]
    public static string GetSwarmStats(int swarm) => Session(swarm).GetSwarmStats();

    [JSExport]
    public static Task Persist(int swarm) => Session(swarm).PersistAsync();

    [JSExport]
    public static Task<int> Sync(int swarm) => Session(swarm).SyncAsync();

    [JSExport]
    [return: JSMarshalAs<JSType.Function>]
    public static Action SubscribeResponses(int swarm, [JSMarshalAs<JSType.Function<JSType.String>>] Action<string> deliver)
    {
        var subscription = Session(swarm).SubscribeResponses(deliver);
        return subscription.Dispose;
    }

    [JSExport]
    [return: JSMarshalAs<JSType.Function>]
    public static Action SubscribeTelemetry(int swarm, [JSMarshalAs<JSType.Function<JSType.String>>] Action<string> deliver)
    {
        var subscription = Session(swarm).SubscribeTelemetry(deliver);
        return subscription.Dispose;
    }

    [JSExport]
    public static string BenchmarkRoute(int swarm, int queries) => Session(swarm).BenchmarkRoute(queries);

    [JSExport]
    public static Task<string> BenchmarkPersistAll(int swarm) => Session(swarm).BenchmarkPersistAllAsync();

    [JSExport]
    public static async Task Shutdown(int swarm)
    {
        if (!Sessions.Remove(swarm, out var session)) return;
        await session.DisposeAsync().ConfigureAwait(true);
    }

    [JSExport]
    public static string Version() => typeof(ElexExports).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    private static JsSwarmSession Session(int handle) =>
        Sessions.TryGetValue(handle, out var session) ? session
            : throw new ElexApiException(ElexErrorCodes.SwarmDisposed, $"swarm {handle} was shut down or never created");
}
