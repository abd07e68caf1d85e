using Elex.Core.Learning;
using Elex.Orleans.Hosting;
using Elex.Orleans.Storage;
using Elex.Storage;
using Elex.TestSupport;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Elex.Orleans.Tests;

/// <summary>
/// Three in-process silos hosting the full catalog's agents, whose grain storage is one SQLite store
/// outside the silos (as a real deployment's shared database), and a client swarm over them.
/// </summary>
public sealed class ClusterFixture : IAsyncDisposable
{
    private readonly TempDirectory _folder;
    private readonly SqliteAgentStore _store;

    private ClusterFixture(TempDirectory folder, SqliteAgentStore store, FaultyGrainStorage storage, InProcessTestCluster cluster)
    {
        _folder = folder;
        _store = store;
        Storage = storage;
        Cluster = cluster;
    }

    /// <summary>How long a grain call waits for its response.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(3);

    public InProcessTestCluster Cluster { get; }

    /// <summary>The grain storage every silo uses; it fails writes on request.</summary>
    public FaultyGrainStorage Storage { get; }

    public static async Task<ClusterFixture> StartAsync(short silos = 3)
    {
        var folder = new TempDirectory("elex-orleans");
        var store = await SqliteAgentStore.OpenAsync(folder.StoreFile);
        var storage = new FaultyGrainStorage(new AgentStoreGrainStorage(store));
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo
            .AddElexAgents(Catalogs.Full, (IGrainStorage)storage, new QLearningOptions { Seed = 7 })
            .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = CallTimeout));
        // A call to a silo that died unannounced is only given up after the response timeout; the client then retries elsewhere.
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = CallTimeout));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        // Every silo places grains only on the silos it already knows: on a loaded machine the last one to start can
        // still be unknown to the others here, and every first activation would land on two silos, not three.
        await cluster.WaitForClusterManifestToStabilizeAsync();
        return new ClusterFixture(folder, store, storage, cluster);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await _store.DisposeAsync();
        _folder.Dispose();
    }
}
