using BenchmarkDotNet.Attributes;
using Elex.Core.Catalog;
using Elex.Core.Routing;

namespace Elex.Benchmarks;

/// <summary>Full-catalog load (parse + validate) and router build (embeddings, HNSW, exact lookups).</summary>
[MemoryDiagnoser]
public class CatalogBuildBenchmarks
{
    private FeatureCatalog _catalog = null!;
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup()
    {
        _catalog = BenchmarkData.Catalog();
        _json = BenchmarkData.FullCatalogPath is { } p ? File.ReadAllBytes(p) : [];
    }

    [Benchmark]
    public FeatureCatalog Load() => _json.Length > 0 ? CatalogLoader.Load(_json, "full") : SampleCatalog.Load();

    [Benchmark]
    public FeatureRouter BuildRouter() => FeatureRouter.Build(_catalog);
}
