using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Storage;
using Elex.Streams.Sync;
using Elex.Sync;
using Elex.Sync.Transport;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests;

public class SwarmSyncTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);
    private static readonly FeatureCode Msm = FeatureCode.Parse("FAJ 121 3094");
    private static readonly FeatureCode Iflb = FeatureCode.Parse("FAJ 121 3009");
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"elex-sync-{Guid.NewGuid():N}");

    public SwarmSyncTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static SwarmConfig Config(bool autoSync = false) => new()
    {
        AutoSync = autoSync,
        Learning = new QLearningOptions { Epsilon = 0, MinEpsilon = 0, Seed = 11 },
    };

    private static Task<SyncStatus> Until(ElexSwarm swarm, Func<SyncStatus, bool> condition) =>
        swarm.SyncStatus.FirstAsync(condition).ToTask().WaitAsync(Guard);

    private static async Task<LearningState> Teach(ElexSwarm swarm, string question, float reward, int times = 3)
    {
        LearningState state = default;
        for (var i = 0; i < times; i++)
        {
            var response = await swarm.QueryAsync(question);
            state = response.LearningState!.Value;
            Assert.True((await swarm.FeedbackAsync(Feedback.ForResponse(response.ResponseId, reward, reward > 0))).Applied);
        }
        return state;
    }

    private static async Task<(ElexSwarm A, ElexSwarm B)> Pair(InMemorySyncHub hub)
    {
        var a = await TestCatalog.NewSwarmAsync(Config());
        var b = await TestCatalog.NewSwarmAsync(Config());
        a.Trust.Add(b.Identity);
        b.Trust.Add(a.Identity);
        await a.StartSyncAsync(hub.CreateTransport());
        await b.StartSyncAsync(hub.CreateTransport());
        return (a, b);
    }

    [Fact]
    public async Task SyncAsync_WithoutATransport_SaysSo()
    {
        await using var swarm = await TestCatalog.NewSwarmAsync(Config());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => swarm.SyncAsync());
        Assert.Contains("StartSyncAsync", error.Message);
    }

    [Fact]
    public async Task AFailedConnect_IsReported_SyncSaysWhy_AndANewTransportReplacesIt()
    {
        var hub = new InMemorySyncHub();
        await using var swarm = await TestCatalog.NewSwarmAsync(Config());
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await Assert.ThrowsAsync<SyncTransportClosedException>(() => swarm.StartSyncAsync(new WebSocketSyncTransport(new Uri($"ws://127.0.0.1:{port}/sync"))));
        var failed = swarm.GetSyncStatus();
        Assert.False(failed.Connected);
        Assert.StartsWith("connecting failed: ConnectFailed", failed.LastError);
        var unavailable = await Assert.ThrowsAsync<SyncTransportClosedException>(() => swarm.SyncAsync());
        Assert.Equal(SyncCloseReason.ConnectFailed, unavailable.Closure.Reason);
        Assert.Equal(0, swarm.GetSyncStatus().LastSequence);

        await swarm.StartSyncAsync(hub.CreateTransport());
        Assert.True(swarm.GetSyncStatus().Connected);
        Assert.Null(swarm.GetSyncStatus().LastError);
        await Assert.ThrowsAsync<InvalidOperationException>(() => swarm.StartSyncAsync(hub.CreateTransport()));
    }

    [Fact]
    public async Task ALostConnection_IsSeenAtOnce_AndStartSyncReconnects()
    {
        var hub = new InMemorySyncHub();
        var (a, b) = await Pair(hub);
        await using var _ = a;
        await using var __ = b;
        await Teach(a, "which counters show MSM is working?", 1f, times: 1);

        hub.DisconnectAll();
        Assert.False(a.GetSyncStatus().Connected);
        await Assert.ThrowsAsync<SyncTransportClosedException>(() => a.SyncAsync());

        await a.StartSyncAsync(hub.CreateTransport());
        await b.StartSyncAsync(hub.CreateTransport());
        Assert.Equal(1, await a.SyncAsync());
        await Until(b, s => s.Accepted == 1);
    }

    [Fact]
    public async Task TrustPeers_CountsOnlyNewKeys()
    {
        await using var swarm = await TestCatalog.NewSwarmAsync(Config());
        var peer = SwarmIdentity.Create().PublicKey;

        Assert.Equal(1, swarm.TrustPeers([peer, SwarmPublicKey.Parse(peer.ToString())]));
        Assert.Equal(0, swarm.TrustPeers([peer]));
        Assert.True(swarm.Trust.Contains(peer));
    }

    [Fact]
    public async Task TwoSwarms_Converge_OnTheVisitWeightedBlend()
    {
        var hub = new InMemorySyncHub();
        var (a, b) = await Pair(hub);
        await using var _ = a;
        await using var __ = b;
        var msmState = await Teach(a, "which counters show MSM is working?", 1f);
        var iflbState = await Teach(b, "which parameters does IFLB have?", -0.5f, times: 2);

        Assert.Equal(1, await a.SyncAsync());
        Assert.Equal(1, await b.SyncAsync());
        await Until(a, s => s.Accepted == 1);
        await Until(b, s => s.Accepted == 1);

        foreach (var (code, state) in new[] { (Msm, msmState), (Iflb, iflbState) })
        {
            var learnerA = a.Registry.LearnerFor(code)!;
            var learnerB = b.Registry.LearnerFor(code)!;
            Assert.True(learnerA.HasPeers || learnerB.HasPeers);
            foreach (var action in Enum.GetValues<ResponseAction>())
                Assert.Equal(learnerA.ActingValue(state, action), learnerB.ActingValue(state, action));
            Assert.Equal(learnerA.BestAction(state), learnerB.BestAction(state));
        }
        // B never learned MSM itself: its own table stays empty, it acts on A's learning.
        Assert.Equal(0, b.Registry.LearnerFor(Msm)!.OwnTable().NonZeroEntries);
        Assert.NotEqual(0f, b.Registry.LearnerFor(Msm)!.ActingValue(msmState, ResponseAction.DirectAnswer));
        Assert.Equal(1, a.GetSyncStatus().PeerAgents);
    }

    [Fact]
    public async Task TamperedUnsignedReplayedAndUntrustedDeltas_AreRejectedAndCounted_NeverMerged()
    {
        await using var swarm = await TestCatalog.NewSwarmAsync(Config());
        var peer = SwarmIdentity.Create();
        var stranger = SwarmIdentity.Create();
        swarm.Trust.Add(peer.PublicKey);

        var table = new QTable();
        var state = new LearningState(Elex.Core.Queries.QueryType.Counter, Elex.Core.Queries.Complexity.Simple, ConfidenceBucket.High, Maturity.Novice);
        table.Set(state, ResponseAction.Escalate, 0.7f);
        table.AddVisit(state, ResponseAction.Escalate);
        byte[] Signed(SwarmIdentity by, long sequence) =>
            DeltaCodec.Encode(QTableDelta.FromTables(by.PublicKey, sequence, 1, [("agent-FAJ_121_3094", table)]), by);

        var good = Signed(peer, 5);
        var tampered = (byte[])good.Clone();
        tampered[^70] ^= 0x01;
        Assert.NotEqual(DeltaStatus.Accepted, swarm.ReceiveDelta(tampered).Status);
        Assert.Equal(DeltaStatus.Unsigned, swarm.ReceiveDelta(good.AsSpan(0, good.Length - 64)).Status);
        Assert.Equal(DeltaStatus.UntrustedKey, swarm.ReceiveDelta(Signed(stranger, 1)).Status);
        Assert.False(swarm.Registry.LearnerFor(Msm)!.HasPeers);

        Assert.Equal(DeltaStatus.Accepted, swarm.ReceiveDelta(good).Status);
        Assert.Equal(DeltaStatus.Replayed, swarm.ReceiveDelta(good).Status);
        Assert.Equal(DeltaStatus.Replayed, swarm.ReceiveDelta(Signed(peer, 4)).Status);
        Assert.Equal(0.7f, swarm.Registry.LearnerFor(Msm)!.ActingValue(state, ResponseAction.Escalate));

        var status = swarm.GetSyncStatus();
        Assert.Equal(1, status.Accepted);
        Assert.Equal(5, status.RejectedTotal);
        Assert.Equal(2, status.Rejected[DeltaStatus.Replayed]);
        Assert.Equal(1, status.Rejected[DeltaStatus.UntrustedKey]);
        Assert.Equal(1, status.Rejected[DeltaStatus.Unsigned]);
    }

    [Fact]
    public async Task Identity_Ledger_AndAcceptedSequences_SurviveARestart()
    {
        var path = Path.Combine(_dir, "elex.db");
        var peer = SwarmIdentity.Create();
        var table = new QTable();
        var state = new LearningState(Elex.Core.Queries.QueryType.Counter, Elex.Core.Queries.Complexity.Simple, ConfidenceBucket.High, Maturity.Novice);
        table.Set(state, ResponseAction.ConsultPeer, 0.4f);
        table.AddVisit(state, ResponseAction.ConsultPeer);
        var delta = DeltaCodec.Encode(QTableDelta.FromTables(peer.PublicKey, 9, 1, [("agent-FAJ_121_3094", table)]), peer);

        SwarmPublicKey identity;
        await using (var store = await SqliteAgentStore.OpenAsync(path))
        {
            await using var swarm = await ElexSwarm.CreateAsync(TestCatalog.Sample, Config(), store, router: TestCatalog.Router);
            identity = swarm.Identity;
            swarm.Trust.Add(peer.PublicKey);
            Assert.True(swarm.ReceiveDelta(delta).IsAccepted);
        }
        await using (var store = await SqliteAgentStore.OpenAsync(path))
        {
            await using var swarm = await ElexSwarm.CreateAsync(TestCatalog.Sample, Config(), store, router: TestCatalog.Router);
            Assert.Equal(identity, swarm.Identity);
            Assert.Empty(swarm.RestoreProblems);
            Assert.Equal(0.4f, swarm.Registry.LearnerFor(Msm)!.ActingValue(state, ResponseAction.ConsultPeer));
            swarm.Trust.Add(peer.PublicKey);
            Assert.Equal(DeltaStatus.Replayed, swarm.ReceiveDelta(delta).Status);
        }
    }

    [Fact]
    public async Task AutoSync_PublishesAtMostOncePerInterval_WhileFeedbackArrives()
    {
        var scheduler = new TestScheduler();
        // Deltas are stamped by the swarm's clock in Unix milliseconds: virtual time starts at a real date.
        scheduler.AdvanceTo(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks);
        var hub = new InMemorySyncHub();
        var config = Config(autoSync: true) with { SyncIntervalMs = 60_000 };
        await using var swarm = await ElexSwarm.CreateAsync(TestCatalog.Sample, config, scheduler: scheduler, router: TestCatalog.Router);
        await swarm.StartSyncAsync(hub.CreateTransport());
        await Teach(swarm, "which counters show MSM is working?", 1f, times: 2);
        Assert.Equal(0, swarm.GetSyncStatus().DeltasSent);

        scheduler.AdvanceBy(TimeSpan.FromSeconds(60).Ticks);
        await Until(swarm, s => s.DeltasSent == 1);

        // No feedback in the next interval: nothing is published.
        scheduler.AdvanceBy(TimeSpan.FromSeconds(60).Ticks);
        await Teach(swarm, "which counters show MSM is working?", 1f, times: 1);
        Assert.Equal(1, swarm.GetSyncStatus().DeltasSent);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(60).Ticks);
        await Until(swarm, s => s.DeltasSent == 2);
    }

    [Fact]
    public async Task Sync_OnAClockBefore1970_IsAClearError_AndSpendsNoSequence()
    {
        var scheduler = new TestScheduler();
        var hub = new InMemorySyncHub();
        await using var swarm = await ElexSwarm.CreateAsync(TestCatalog.Sample, Config(), scheduler: scheduler, router: TestCatalog.Router);
        await swarm.StartSyncAsync(hub.CreateTransport());
        await Teach(swarm, "which counters show MSM is working?", 1f, times: 1);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => swarm.SyncAsync());

        Assert.Contains("before 1970", e.Message);
        Assert.Equal(0, swarm.GetSyncStatus().DeltasSent);
        Assert.Equal(0, swarm.GetSyncStatus().LastSequence);
    }
}
