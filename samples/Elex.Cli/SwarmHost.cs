using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Semantic;
using Elex.Storage;
using Elex.Storage.Encryption;
using Elex.Streams;

namespace Elex.Cli;

/// <summary>
/// Opens the embedded store in the data directory (encrypted at rest when <c>ELEX_PASSPHRASE</c> is
/// set) and starts a swarm restored from it.
/// </summary>
internal sealed class SwarmHost : IAsyncDisposable
{
    /// <summary>The environment variable holding the store passphrase (never a command-line argument, which other users can read).</summary>
    public const string PassphraseVariable = "ELEX_PASSPHRASE";

    private SwarmHost(IAgentStore store, string storePath, ElexSwarm swarm)
    {
        StorePath = storePath;
        Store = store;
        Swarm = swarm;
    }

    public IAgentStore Store { get; }

    /// <summary>The store's file.</summary>
    public string StorePath { get; }

    public ElexSwarm Swarm { get; }

    /// <summary>The environment variable that, set to 1, routes without the sentence model (exact and lexical evidence only).</summary>
    public const string NoModelVariable = "ELEX_NO_MODEL";

    public static async Task<SwarmHost> StartAsync(FeatureCatalog catalog, SwarmConfig config, string? dataDirectory, TextWriter error, CancellationToken cancellationToken, bool semantic = false)
    {
        var path = DataDirectory.PrepareStorePath(dataDirectory);
        var router = semantic ? BuildRouter(catalog, Path.Combine(Path.GetDirectoryName(path)!, "semantic"), error) : null;
        var store = await OpenStoreAsync(path, cancellationToken);
        try
        {
            var swarm = await ElexSwarm.CreateAsync(catalog, config, store, router: router, cancellationToken: cancellationToken);
            foreach (var problem in swarm.RestoreProblems) error.WriteLine($"elex: warning: {problem}");
            return new SwarmHost(store, path, swarm);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    // The sentence model makes natural questions routable; without it (ELEX_NO_MODEL=1, or a model
    // that cannot load) the swarm still answers on exact and lexical evidence, and says so once.
    private static FeatureRouter? BuildRouter(FeatureCatalog catalog, string cacheDirectory, TextWriter error)
    {
        if (Environment.GetEnvironmentVariable(NoModelVariable) == "1") return null;
        try
        {
            return SemanticRouter.Build(catalog, cacheDirectory, warning => error.WriteLine($"elex: warning: {warning}"), seed: EmbeddedCatalog.SeedVectors);
        }
        catch (SemanticModelException e)
        {
            error.WriteLine($"elex: warning: {e.Message} Routing on exact and lexical evidence only.");
            return null;
        }
    }

    private static async Task<IAgentStore> OpenStoreAsync(string path, CancellationToken cancellationToken)
    {
        var sqlite = await SqliteAgentStore.OpenAsync(path, cancellationToken: cancellationToken);
        var passphrase = Environment.GetEnvironmentVariable(PassphraseVariable);
        if (string.IsNullOrEmpty(passphrase))
        {
            if (!await EncryptedAgentStore.IsEncryptedAsync(sqlite, cancellationToken)) return sqlite;
            await sqlite.DisposeAsync();
            throw new StoreException($"The store in the data directory is encrypted: set {PassphraseVariable} to its passphrase.");
        }
        try
        {
            return await EncryptedAgentStore.OpenAsync(sqlite, passphrase, cancellationToken: cancellationToken);
        }
        catch
        {
            await sqlite.DisposeAsync();
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
