using Elex.Core.Catalog;
using Elex.Storage;
using Elex.Streams;

namespace Elex.Cli;

/// <summary>Opens the embedded store in the data directory and starts a swarm restored from it.</summary>
internal sealed class SwarmHost : IAsyncDisposable
{
    private SwarmHost(SqliteAgentStore store, ElexSwarm swarm)
    {
        Store = store;
        Swarm = swarm;
    }

    public SqliteAgentStore Store { get; }

    public ElexSwarm Swarm { get; }

    public static async Task<SwarmHost> StartAsync(FeatureCatalog catalog, SwarmConfig config, string? dataDirectory, TextWriter error, CancellationToken cancellationToken)
    {
        var store = await SqliteAgentStore.OpenAsync(DataDirectory.PrepareStorePath(dataDirectory), cancellationToken: cancellationToken);
        try
        {
            var swarm = await ElexSwarm.CreateAsync(catalog, config, store, cancellationToken: cancellationToken);
            foreach (var problem in swarm.RestoreProblems) error.WriteLine($"elex: warning: {problem}");
            return new SwarmHost(store, swarm);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Swarm.DisposeAsync();
        }
        finally
        {
            await Store.DisposeAsync();
        }
    }
}
