using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Elex.Core.Routing;
using Elex.Sync.Transport;

namespace Elex.Streams.Tests;

/// <summary>Learned routes travel in the signed deltas: what one swarm's engineer corrects, a trusting peer routes too.</summary>
public class SwarmRouteSyncTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);
    private const string Question = "the second carrier sits idle while the first one is full";

    // Each swarm gets its own router: a router's memory is state.
    private static Task<ElexSwarm> NewSwarmAsync() =>
        ElexSwarm.CreateAsync(TestCatalog.Sample, new SwarmConfig { AutoSync = false }, router: FeatureRouter.Build(TestCatalog.Sample));

    [Fact]
    public async Task ACorrection_OnOneSwarm_ReachesATrustingPeer_ThroughTheSignedDelta()
    {
        var hub = new InMemorySyncHub();
        await using var a = await NewSwarmAsync();
        await using var b = await NewSwarmAsync();
        a.Trust.Add(b.Identity);
        b.Trust.Add(a.Identity);
        await a.StartSyncAsync(hub.CreateTransport());
        await b.StartSyncAsync(hub.CreateTransport());

        var before = await b.QueryAsync(Question);
        Assert.NotEqual("FAJ 121 3009", before.FeatureCode);
        var answer = await a.QueryAsync(Question);
        Assert.True((await a.CorrectAsync(answer.ResponseId, "FAJ 121 3009")).Applied);

        // The routes are adopted before the status reports the delta accepted.
        var accepted = b.SyncStatus.FirstAsync(s => s.Accepted > 0).ToTask();
        await a.SyncAsync();
        await accepted.WaitAsync(Guard);
        Assert.Equal(1, b.Router.Memory.Count);
        Assert.Equal("FAJ 121 3009", (await b.QueryAsync(Question)).FeatureCode);
    }

    [Fact]
    public async Task AnUntrustedPeersRoutes_AreNotAdopted()
    {
        var hub = new InMemorySyncHub();
        await using var a = await NewSwarmAsync();
        await using var b = await NewSwarmAsync();
        await a.StartSyncAsync(hub.CreateTransport());
        await b.StartSyncAsync(hub.CreateTransport());
        var answer = await a.QueryAsync(Question);
        Assert.True((await a.CorrectAsync(answer.ResponseId, "FAJ 121 3009")).Applied);

        var rejected = b.SyncStatus.FirstAsync(s => s.RejectedTotal > 0).ToTask();
        await a.SyncAsync();
        await rejected.WaitAsync(Guard);
        Assert.Equal(0, b.Router.Memory.Count);
    }
}
