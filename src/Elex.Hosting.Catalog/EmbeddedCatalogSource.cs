using Elex.Catalog;
using Elex.Core.Routing;
using Elex.Semantic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Elex.Hosting;

/// <summary>
/// The embedded full catalog (<see cref="ElexCatalog.LoadEmbedded"/>) with the sentence-model router seeded by the
/// shipped feature vectors (<see cref="ElexCatalog.SeedVectors"/>), as the <c>elex</c> tool routes. A model that
/// cannot load is logged and the swarm routes on exact and lexical evidence, as the tool does, rather than not starting.
/// </summary>
internal sealed class EmbeddedCatalogSource(
    IOptions<EmbeddedCatalogOptions> options, IOptions<ElexSwarmOptions> swarmOptions, ILogger<EmbeddedCatalogSource> logger)
    : ISwarmCatalogSource
{
    public ValueTask<SwarmCatalog> LoadAsync(CancellationToken cancellationToken)
    {
        var catalog = ElexCatalog.LoadEmbedded();
        var router = options.Value.SentenceModel ? SentenceModelRouter(catalog) : null;
        return ValueTask.FromResult(new SwarmCatalog(catalog, ElexCatalog.SourceName, router));
    }

    private FeatureRouter? SentenceModelRouter(Core.Catalog.FeatureCatalog catalog)
    {
        try
        {
            return SemanticRouter.Build(catalog, CacheDirectory(), warning => EmbeddedCatalogLog.ModelWarning(logger, warning), seed: ElexCatalog.SeedVectors);
        }
        catch (SemanticModelException e)
        {
            EmbeddedCatalogLog.ModelUnavailable(logger, e.Message);
            return null;
        }
    }

    private string? CacheDirectory()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.CacheDirectory)) return options.Value.CacheDirectory;
        var store = swarmOptions.Value.StorePath;
        if (string.IsNullOrWhiteSpace(store)) return null;
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(store))!, "semantic");
    }
}
