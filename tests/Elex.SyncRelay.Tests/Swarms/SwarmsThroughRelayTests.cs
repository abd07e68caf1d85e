using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Routing;
using Elex.Streams;
using Elex.Sync.Transport;

namespace Elex.SyncRelay.Tests.Swarms;

/// <summary>Two real swarms learning and converging through the real relay over WebSockets on loopback.</summary>
public class SwarmsThroughRelayTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);
    private static readonly FeatureCatalog Catalog = SampleCatalog.Load();
    private static readonly FeatureRouter Router = FeatureRouter.Build(Catalog);

    private static Task<ElexSwarm> NewSwarmAsync() => ElexSwarm.CreateAsync(Catalog, new SwarmConfig
    {
        AutoSync = false,
        Learning = new QLearningOptions { Epsilon = 0, MinEpsilon = 0, Seed = 5 },
    }, router: Router);

    [Fact]
    public async Task TwoSwarms_ShareWhatTheyLearned_ThroughTheRelay()
    {
        await using var relay = await RelayServer.StartAsync();
        await using var teacher = await NewSwarmAsync();
        await using var learner = await NewSwarmAsync();
        await using var stranger = await NewSwarmAsync();
        learner.Trust.Add(teacher.Identity);
        await teacher.StartSyncAsync(new WebSocketSyncTransport(relay.SyncEndpoint));
        await learner.StartSyncAsync(new WebSocketSyncTransport(relay.SyncEndpoint));
        await stranger.StartSyncAsync(new WebSocketSyncTransport(relay.SyncEndpoint));

        var response = await teacher.QueryAsync("which counters show MSM is working?");
        var state = response.LearningState!.Value;
        for (var i = 0; i < 3; i++)
            Assert.True((await teacher.FeedbackAsync(Feedback.ForResponse(response.ResponseId, 1f, true))).Applied);
        var strangerResponse = await stranger.QueryAsync("which counters show MSM is working?");
        await stranger.FeedbackAsync(Feedback.ForResponse(strangerResponse.ResponseId, -1f, false));

        Assert.Equal(1, await teacher.SyncAsync());
        Assert.Equal(1, await stranger.SyncAsync());
        await learner.SyncStatus.FirstAsync(s => s.Accepted == 1 && s.RejectedTotal == 1).ToTask().WaitAsync(Guard);

        var code = FeatureCode.Parse("FAJ 121 3094");
        var taught = teacher.Registry.LearnerFor(code)!;
        var adopted = learner.Registry.LearnerFor(code)!;
        Assert.True(adopted.HasPeers);
        Assert.Equal(taught.QValue(state, response.Strategy), adopted.ActingValue(state, response.Strategy));
        Assert.Equal(1, learner.GetSyncStatus().Rejected[Elex.Sync.DeltaStatus.UntrustedKey]);
        Assert.True(learner.GetSyncStatus().Connected);
    }
}
