using Elex.Catalog;
using Elex.Core.Routing.Glosses;
using Elex.Semantic;

namespace Elex.Cli.Tests;

public class EmbeddedCatalogTests
{
    [Fact]
    public void TheEmbeddedDefault_IsTheFull593FeatureCatalog()
    {
        var catalog = EmbeddedCatalog.Load();
        Assert.Equal(593, catalog.Count);
        Assert.Equal(EmbeddedCatalog.SourceName, catalog.Source);
    }

    [Fact]
    public void TheShippedFeatureVectors_MatchTheEmbeddedCatalog_GlossesAndModel()
    {
        // A gloss, catalog or model change moves the cache key: regenerate the seed (docs/ROUTING.md).
        var name = Path.GetFileName(FeatureVectorCache.PathFor("cache", EmbeddedCatalog.Load(), RoutingGlosses.Embedded, new LazySentenceEncoder(SentenceModel.ArcticXs)));
        using var seed = EmbeddedCatalog.SeedVectors(name);
        Assert.NotNull(seed);
        using var copy = new MemoryStream();
        seed!.CopyTo(copy);
        Assert.Equal(16 + 32 + 593 * 384 * sizeof(float), copy.Length);
    }

    [Fact]
    public void ElexCatalog_TheLibrarysCatalog_IsWhatTheToolAnswersFrom()
    {
        var fromBytes = ElexCatalog.Load(ElexCatalog.CompressedBytes());
        var tool = EmbeddedCatalog.Load();
        Assert.Equal(593, fromBytes.Count);
        Assert.Equal(tool.Count, fromBytes.Count);
        Assert.Equal(ElexCatalog.SourceName, fromBytes.Source);
        Assert.Equal(EmbeddedCatalog.SourceName, ElexCatalog.SourceName);
        Assert.Equal(tool.Source, fromBytes.Source);
    }

    [Fact]
    public void ElexCatalog_SeedVectors_ForAnotherCacheKey_IsNull()
    {
        Assert.Null(ElexCatalog.SeedVectors("features-000000000000000000000000.vec"));
    }
}
