using Elex.Core.Routing;
using Elex.Core.Vectors;

namespace Elex.Core.Tests.Routing;

/// <summary>The router's HNSW index against exact search over the same feature embeddings.</summary>
public class CatalogIndexRecallTests
{
    private static readonly RouterOptions Hnsw = new() { VectorSearch = VectorSearchMode.Hnsw };

    [SharedDataFact]
    public void FullCatalog_HnswRecallAt10_AtLeast099() => AssertRecall(FeatureRouter.Build(SharedData.Full!, Hnsw), 0.99);

    [Fact]
    public void SampleCatalog_HnswRecallAt10_AtLeast099() => AssertRecall(FeatureRouter.Build(SharedData.SampleCatalogInstance, Hnsw), 0.99);

    [SharedDataFact]
    public void FullCatalog_ColumnMajorIsExact() => AssertRecall(FeatureRouter.Build(SharedData.Full!, new RouterOptions { VectorSearch = VectorSearchMode.Exact }), 1.0);

    [Fact]
    public void Hnsw_IsBuiltWithTheRoutersSettings()
    {
        // The recall tests of those settings (HnswRouterRecallTests) hold for the router only if it uses them.
        var index = Assert.IsType<HnswIndex>(FeatureRouter.Build(SharedData.SampleCatalogInstance, Hnsw).Index);
        Assert.Equal(RouterOptions.DefaultHnsw, index.Options);
        Assert.True(index.Options.SparseSeeds > 0, "the router's question vectors need sparse seeds");
    }

    [Fact]
    public void Auto_UsesExactSearchForCatalogSizedData() =>
        Assert.IsType<ColumnMajorIndex>(FeatureRouter.Build(SharedData.SampleCatalogInstance).Index);

    private static void AssertRecall(FeatureRouter router, double required)
    {
        var count = router.Catalog.Count;
        var exact = new ExactVectorIndex(router.Embedder.Dimensions);
        for (var i = 0; i < count; i++) exact.Add(router.VectorOf(i));
        var queries = router.Catalog.Features
            .SelectMany(f => new[] { $"{f.Name} parameters", $"{f.Domain} {f.Acronym}", string.Join(' ', f.Parameters.Take(3).Select(p => p.Name)) })
            .ToList();
        int hits = 0, wanted = 0;
        foreach (var q in queries)
        {
            var vector = router.Embedder.Embed(q);
            if (vector.All(v => v == 0)) continue;
            var truth = exact.Search(vector, 10).Select(n => n.Id).ToHashSet();
            var found = router.Index.Search(vector, 10).Select(n => n.Id);
            hits += found.Count(truth.Contains);
            wanted += truth.Count;
        }
        var recall = (double)hits / wanted;
        Assert.True(recall >= required, $"recall@10 {recall:0.0000} over {queries.Count} queries");
    }
}
