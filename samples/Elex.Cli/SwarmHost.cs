using Elex.Core.Catalog;
using Elex.Core.Routing.Snapshots;
using Elex.Core.Semantics;
using Elex.Semantic;
using Elex.Storage;
using Elex.Storage.Encryption;
using Elex.Streams;
using Elex.Streams.Hosting;

namespace Elex.Cli;

/// <summary>
/// Opens the embedded store in the data directory (encrypted at rest when <c>ELEX_PASSPHRASE</c> is
/// set) and starts a swarm restored from it, warning about each record that could not be restored,
/// over the catalog and router kept in the data directory's router snapshot
/// (<c>index/router-*.snap</c>: a one-shot run neither parses the catalog nor builds the indexes); the
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

    /// <summary>The catalog the swarm answers from.</summary>
    public FeatureCatalog Catalog => _session.Swarm.Catalog;

    /// <summary>
    /// Opens the data directory, takes the catalog and its router from the router snapshot there (or
    /// loads and builds them and writes the snapshot), and starts the swarm over the store.
    /// </summary>
    public static async Task<SwarmHost> StartAsync(CatalogSource source, SwarmConfig config, string? dataDirectory, TextWriter error, CancellationToken cancellationToken, bool semantic = false)
    {
        var path = DataDirectory.PrepareStorePath(dataDirectory);
        var directory = Path.GetDirectoryName(path)!;
        var routed = RouterSnapshot.LoadOrBuild(
            Path.Combine(directory, "index", $"router-{source.SnapshotName}.snap"),
            source.Bytes,
            source.Name,
            source.Parse,
            semantic ? SemanticModel(Path.Combine(directory, "semantic"), error) : null,
            note: note => error.WriteLine($"elex: note: {note}"));
        StartupTimings.Mark(routed.Outcome == SnapshotOutcome.Loaded ? "snapshot" : "build");
        var session = await SwarmSession.StartAsync(routed.Catalog, config, async token =>
        {
            var store = await OpenStoreAsync(path, token);
            StartupTimings.Mark("store");
            return store;
        }, router: routed.Router, cancellationToken: cancellationToken);
        StartupTimings.Mark("restore");
        foreach (var problem in session.RestoreProblems) error.WriteLine($"elex: warning: {problem}");
        return new SwarmHost(session, path);
    }

    // The sentence model makes natural questions routable; without it (ELEX_NO_MODEL=1, or a model
    // that cannot load) the swarm still answers on exact and lexical evidence, and says so once.
    private static Func<FeatureCatalog, SemanticIndex?>? SemanticModel(string cacheDirectory, TextWriter error)
    {
        if (Environment.GetEnvironmentVariable(NoModelVariable) == "1") return null;
        return catalog =>
        {
            try
            {
                return SemanticRouter.LoadIndex(catalog, cacheDirectory, warning => error.WriteLine($"elex: warning: {warning}"), seed: EmbeddedCatalog.SeedVectors);
            }
            catch (SemanticModelException e)
            {
                error.WriteLine($"elex: warning: {e.Message} Routing on exact and lexical evidence only.");
                return null;
            }
        };
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
