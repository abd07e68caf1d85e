using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Semantic;
using Elex.Storage;
using Elex.Storage.Encryption;
using Elex.Streams;
using Elex.Streams.Hosting;

namespace Elex.Cli;

/// <summary>
/// Opens the embedded store in the data directory (encrypted at rest when <c>ELEX_PASSPHRASE</c> is
/// set) and starts a swarm restored from it, warning about each record that could not be restored; the
/// swarm and store are owned together by a <see cref="SwarmSession"/>.
/// </summary>
internal sealed class SwarmHost : IAsyncDisposable
{
    /// <summary>The environment variable holding the store passphrase (never a command-line argument, which other users can read).</summary>
    public const string PassphraseVariable = "ELEX_PASSPHRASE";

    private readonly SwarmSession _session;

    private SwarmHost(SwarmSession session, string storePath)
    {
        _session = session;
        StorePath = storePath;
    }

    public IAgentStore Store => _session.Store!;

    /// <summary>The store's file.</summary>
    public string StorePath { get; }

    public ElexSwarm Swarm => _session.Swarm;

    /// <summary>The environment variable that, set to 1, routes without the sentence model (exact and lexical evidence only).</summary>
    public const string NoModelVariable = "ELEX_NO_MODEL";

    public static async Task<SwarmHost> StartAsync(FeatureCatalog catalog, SwarmConfig config, string? dataDirectory, TextWriter error, CancellationToken cancellationToken, bool semantic = false)
    {
        var path = DataDirectory.PrepareStorePath(dataDirectory);
        var router = semantic ? BuildRouter(catalog, Path.Combine(Path.GetDirectoryName(path)!, "semantic"), error) : null;
        var session = await SwarmSession.StartAsync(catalog, config, token => OpenStoreAsync(path, token), router: router, cancellationToken: cancellationToken);
        foreach (var problem in session.RestoreProblems) error.WriteLine($"elex: warning: {problem}");
        return new SwarmHost(session, path);
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

    /// <summary>Shuts the swarm down (its last write included), then closes the store.</summary>
    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
