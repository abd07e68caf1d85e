using System.Net;
using System.Net.Sockets;
using Elex.Browser.JsApi;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Sync;
using Elex.Sync.Transport;

namespace Elex.Browser.Tests.JsApi;

public sealed class JsSwarmSessionSyncTests
{
    private const string MsmQuestion = "which counters show MSM is working?";
    private static readonly FeatureCode Msm = FeatureCode.Parse("FAJ 121 3094");

    private readonly InMemorySyncHub _hub = new();
    private readonly SyncPeers _peers;

    public JsSwarmSessionSyncTests() => _peers = new SyncPeers(_hub);

    [Fact]
    public async Task Two_sessions_converge_one_learns_and_syncs_the_other_acts_on_its_Q_values()
    {
        await using var b = await _peers.CreateAsync();
        await using var a = await _peers.CreateAsync(SyncPeers.ConfigJson(new { sync = new { relayUrl = SyncPeers.RelayUrl, trustedKeys = new[] { b.Identity() } } }));
        await b.StartSyncAsync(SyncPeers.SyncJson(a.Identity()));

        Assert.Equal("agent-FAJ_121_3094", await SyncPeers.TeachAsync(a, MsmQuestion, 1f));
        Assert.Equal(1, await a.SyncAsync());
        await SyncPeers.UntilAsync(b, s => s.Accepted == 1);

        var stats = SyncPeers.SyncStats(b);
        Assert.True(stats.GetProperty("connected").GetBoolean());
        Assert.Equal(1, stats.GetProperty("accepted").GetInt64());
        Assert.Equal(0, stats.GetProperty("rejected").GetInt64());
        Assert.Equal(1, stats.GetProperty("peerAgents").GetInt32());
        Assert.Equal(SyncPeers.RelayUrl, stats.GetProperty("relayUrl").GetString());
        Assert.Equal([a.Identity()], stats.GetProperty("trustedKeys").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(1, SyncPeers.SyncStats(a).GetProperty("deltasSent").GetInt64());

        // B never learned MSM itself, yet acts on exactly the values A learned.
        var learnerA = a.Swarm.Registry.LearnerFor(Msm)!;
        var learnerB = b.Swarm.Registry.LearnerFor(Msm)!;
        Assert.True(learnerB.HasPeers);
        Assert.Equal(0, learnerB.OwnTable().NonZeroEntries);
        var learned = 0;
        for (var index = 0; index < LearningState.Count; index++)
        {
            var state = LearningState.FromIndex(index);
            foreach (var action in Enum.GetValues<ResponseAction>())
            {
                if (learnerA.Visits(state, action) == 0) continue;
                learned++;
                Assert.Equal(learnerA.ActingValue(state, action), learnerB.ActingValue(state, action));
            }
        }
        Assert.True(learned > 0);
    }

    [Fact]
    public async Task An_untrusted_peers_delta_is_rejected_counted_and_never_merged()
    {
        await using var b = await _peers.CreateAsync(SyncPeers.ConfigJson(new { sync = new { relayUrl = SyncPeers.RelayUrl } }));
        await using var stranger = await _peers.CreateAsync(SyncPeers.ConfigJson(new { sync = new { relayUrl = SyncPeers.RelayUrl } }));

        await SyncPeers.TeachAsync(stranger, MsmQuestion, 1f);
        Assert.Equal(1, await stranger.SyncAsync());
        await SyncPeers.UntilAsync(b, s => s.RejectedTotal == 1);

        var stats = SyncPeers.SyncStats(b);
        Assert.Equal(0, stats.GetProperty("accepted").GetInt64());
        Assert.Equal(1, stats.GetProperty("rejected").GetInt64());
        Assert.Equal(1, stats.GetProperty("rejectedByReason").GetProperty("UntrustedKey").GetInt64());
        Assert.Equal(0, stats.GetProperty("peerAgents").GetInt32());
        Assert.False(b.Swarm.Registry.LearnerFor(Msm)?.HasPeers ?? false);
    }

    [Fact]
    public async Task AutoSync_publishes_after_learning_once_sync_is_started()
    {
        await using var b = await _peers.CreateAsync();
        await using var a = await _peers.CreateAsync(SyncPeers.ConfigJson(new
        {
            autoSync = true,
            syncIntervalMs = 1000,
            sync = new { relayUrl = SyncPeers.RelayUrl },
        }));
        await b.StartSyncAsync(SyncPeers.SyncJson(a.Identity()));

        await SyncPeers.TeachAsync(a, MsmQuestion, 1f, times: 1);

        await SyncPeers.UntilAsync(b, s => s.Accepted >= 1);
        Assert.True(SyncPeers.SyncStats(a).GetProperty("deltasSent").GetInt64() >= 1);
    }

    [Fact]
    public async Task The_connect_timeout_reaches_the_transport()
    {
        await using var session = await _peers.CreateAsync(SyncPeers.ConfigJson(new { sync = new { relayUrl = SyncPeers.RelayUrl, connectTimeoutMs = 2500 } }));

        var (relay, timeout) = Assert.Single(_peers.Requests);
        Assert.Equal(new Uri(SyncPeers.RelayUrl), relay);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), timeout);
    }

    [Fact]
    public async Task An_unreachable_relay_does_not_fail_the_swarm_its_status_says_why_and_sync_is_unavailable()
    {
        var relayUrl = $"ws://127.0.0.1:{ClosedPort()}/sync";
        await using var session = await JsSwarmSession.CreateAsync(SampleCatalog.Load(),
            SyncPeers.ConfigJson(new { sync = new { relayUrl, connectTimeoutMs = 5000 } }), openStore: null);

        Assert.Contains("FAJ 121 3094", await session.QueryAsync("""{ "text": "which counters show MSM is working?" }"""));
        var stats = SyncPeers.SyncStats(session);
        Assert.False(stats.GetProperty("connected").GetBoolean());
        Assert.Contains("ConnectFailed", stats.GetProperty("lastError").GetString());
        Assert.Equal(relayUrl, stats.GetProperty("relayUrl").GetString());

        var sync = await Assert.ThrowsAsync<ElexApiException>(session.SyncAsync);
        Assert.Equal(ElexErrorCodes.SyncUnavailable, sync.Code);
        Assert.Contains(relayUrl, sync.Message);
        var start = await Assert.ThrowsAsync<ElexApiException>(() => session.StartSyncAsync(SyncPeers.ConfigJson(new { relayUrl })));
        Assert.Equal(ElexErrorCodes.SyncUnavailable, start.Code);
        Assert.Contains("could not connect", start.Message);
    }

    [Fact]
    public async Task A_host_without_WebSocket_is_reported_like_an_unreachable_relay()
    {
        await using var session = await JsSwarmSession.CreateAsync(SampleCatalog.Load(),
            SyncPeers.ConfigJson(new { sync = new { relayUrl = SyncPeers.RelayUrl } }), openStore: null,
            (_, _) => new UnavailableSyncTransport("no WebSocket in this host"));

        var stats = SyncPeers.SyncStats(session);
        Assert.False(stats.GetProperty("connected").GetBoolean());
        Assert.Equal("connecting failed: ConnectFailed: no WebSocket in this host", stats.GetProperty("lastError").GetString());
        var error = await Assert.ThrowsAsync<ElexApiException>(session.SyncAsync);
        Assert.Equal(ElexErrorCodes.SyncUnavailable, error.Code);
        Assert.Contains("no WebSocket in this host", error.Message);
    }

    [Fact]
    public async Task A_lost_relay_makes_sync_unavailable_until_startSync_connects_again()
    {
        await using var b = await _peers.CreateAsync();
        await using var a = await _peers.CreateAsync(SyncPeers.ConfigJson(new { sync = new { relayUrl = SyncPeers.RelayUrl } }));
        await b.StartSyncAsync(SyncPeers.SyncJson(a.Identity()));
        await SyncPeers.TeachAsync(a, MsmQuestion, 1f, times: 1);

        _hub.DisconnectAll("relay restarting");
        await SyncPeers.UntilAsync(a, s => !s.Connected && s.LastError is not null);
        Assert.Contains("relay restarting", SyncPeers.SyncStats(a).GetProperty("lastError").GetString());
        Assert.Equal(ElexErrorCodes.SyncUnavailable, (await Assert.ThrowsAsync<ElexApiException>(a.SyncAsync)).Code);

        await a.StartSyncAsync(SyncPeers.SyncJson());
        await b.StartSyncAsync(SyncPeers.SyncJson());
        Assert.True(SyncPeers.SyncStats(a).GetProperty("connected").GetBoolean());
        Assert.Equal(JsonNull, SyncPeers.SyncStats(a).GetProperty("lastError").ValueKind);
        Assert.Equal(1, await a.SyncAsync());
        await SyncPeers.UntilAsync(b, s => s.Accepted == 1);
    }

    [Fact]
    public async Task StartSync_while_connected_adds_keys_for_the_same_relay_and_refuses_another()
    {
        await using var session = await _peers.CreateAsync(SyncPeers.ConfigJson(new { sync = new { relayUrl = SyncPeers.RelayUrl } }));
        var peer = SwarmIdentity.Create().PublicKey.ToString();

        await session.StartSyncAsync(SyncPeers.SyncJson(peer));
        var other = await Assert.ThrowsAsync<ElexApiException>(() => session.StartSyncAsync(SyncPeers.ConfigJson(new { relayUrl = "ws://elsewhere.test/sync" })));

        Assert.Single(_peers.Requests);
        Assert.Contains(peer, SyncPeers.SyncStats(session).GetProperty("trustedKeys").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(ElexErrorCodes.InvalidConfig, other.Code);
        Assert.Contains("already connected", other.Message);
    }

    [Fact]
    public async Task Sync_without_a_relay_is_SYNC_NOT_STARTED()
    {
        await using var session = await _peers.CreateAsync();

        var error = await Assert.ThrowsAsync<ElexApiException>(session.SyncAsync);

        Assert.Equal(ElexErrorCodes.SyncNotStarted, error.Code);
        Assert.Contains("startSync", error.Message);
    }

    [Fact]
    public async Task Identity_and_trust_at_run_time()
    {
        await using var session = await _peers.CreateAsync();
        var peer = SwarmIdentity.Create().PublicKey.ToString();

        Assert.StartsWith(SwarmPublicKey.TextPrefix, session.Identity());
        Assert.Equal(session.Identity(), SyncPeers.SyncStats(session).GetProperty("identity").GetString());
        Assert.True(session.Trust(peer));
        Assert.False(session.Trust(peer));
        Assert.Contains(SwarmPublicKey.Parse(peer), session.Swarm.Trust.Keys);
        var error = Assert.Throws<ElexApiException>(() => session.Trust("ed25519-pub:nope"));
        Assert.Equal(ElexErrorCodes.InvalidConfig, error.Code);
        Assert.Contains("trust(key)", error.Message);
    }

    [Fact]
    public async Task After_shutdown_sync_calls_are_SWARM_DISPOSED()
    {
        var session = await _peers.CreateAsync(SyncPeers.ConfigJson(new { sync = new { relayUrl = SyncPeers.RelayUrl } }));
        await session.DisposeAsync();

        Assert.Equal(ElexErrorCodes.SwarmDisposed, (await Assert.ThrowsAsync<ElexApiException>(session.SyncAsync)).Code);
        Assert.Equal(ElexErrorCodes.SwarmDisposed, Assert.Throws<ElexApiException>(session.Identity).Code);
        Assert.Equal(ElexErrorCodes.SwarmDisposed, (await Assert.ThrowsAsync<ElexApiException>(() => session.StartSyncAsync(SyncPeers.SyncJson()))).Code);
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    // A port nobody listens on: bound, then released, so connecting is refused at once.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
