using Elex.Streams.Orleans;

namespace Elex.Orleans.Tests;

/// <summary>A test class's three-silo cluster and the client swarm over it, started before its tests and stopped after.</summary>
public abstract class RunningCluster : IAsyncLifetime
{
    private protected ClusterFixture _cluster = null!;
    private protected ClusterSwarm _swarm = null!;

    public async Task InitializeAsync()
    {
        _cluster = await ClusterFixture.StartAsync();
        _swarm = new ClusterSwarm(_cluster.Cluster.Client, Catalogs.Full, Catalogs.Router);
    }

    public async Task DisposeAsync()
    {
        _swarm.Dispose();
        await _cluster.DisposeAsync();
    }
}
