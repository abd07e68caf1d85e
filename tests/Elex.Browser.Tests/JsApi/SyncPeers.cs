using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using System.Text.Json;
using Elex.Browser.JsApi;
using Elex.Core.Catalog;
using Elex.Streams.Sync;
using Elex.Sync.Transport;

namespace Elex.Browser.Tests.JsApi;

/// <summary>JS API sessions whose sync goes through one in-process hub instead of a relay, and what the tests ask of them.</summary>
internal sealed class SyncPeers(InMemorySyncHub hub)
{
    /// <summary>Any ws:// address: the hub ignores it, but the session checks and reports it.</summary>
    public const string RelayUrl = "ws://relay.test/sync";

    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    private static readonly Lazy<FeatureCatalog> Catalog = new(SampleCatalog.Load);

    /// <summary>The relays and connect timeouts sessions asked transports for.</summary>
    public List<(Uri Relay, TimeSpan Timeout)> Requests { get; } = [];

    /// <summary>A session without a store, its transports from the hub.</summary>
    public Task<JsSwarmSession> CreateAsync(string configJson = "{}") =>
        JsSwarmSession.CreateAsync(Catalog.Value, configJson, openStore: null, (relay, timeout) =>
        {
            Requests.Add((relay, timeout));
            return hub.CreateTransport();
        });

    public static string SyncJson(params string[] trustedKeys) =>
        JsonSerializer.Serialize(new { relayUrl = RelayUrl, trustedKeys });

    public static string ConfigJson(object config) => JsonSerializer.Serialize(config);

    /// <summary>Asks the question and rewards the answer <paramref name="times"/> times; returns the answering agent.</summary>
    public static async Task<string> TeachAsync(JsSwarmSession session, string question, float reward, int times = 3)
    {
        string agent = "";
        for (var i = 0; i < times; i++)
        {
            using var response = JsonDocument.Parse(await session.QueryAsync(JsonSerializer.Serialize(new { text = question })));
            agent = response.RootElement.GetProperty("agentId").GetString()!;
            var responseId = response.RootElement.GetProperty("responseId").GetString();
            await session.FeedbackAsync(JsonSerializer.Serialize(new { responseId, reward, success = reward > 0 }));
        }
        return agent;
    }

    /// <summary>The sync part of <c>getSwarmStats()</c>, as JavaScript sees it.</summary>
    public static JsonElement SyncStats(JsSwarmSession session)
    {
        using var stats = JsonDocument.Parse(session.GetSwarmStats());
        return stats.RootElement.GetProperty("sync").Clone();
    }

    public static Task<SyncStatus> UntilAsync(JsSwarmSession session, Func<SyncStatus, bool> condition) =>
        session.Swarm.SyncStatus.FirstAsync(condition).ToTask().WaitAsync(Guard);
}
