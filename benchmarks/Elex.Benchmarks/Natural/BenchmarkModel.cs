using Elex.Core.Catalog;
using Elex.Core.Routing.Glosses;
using Elex.Core.Semantics;
using Elex.Semantic;

namespace Elex.Benchmarks.Natural;

/// <summary>The shipped model and the catalog's feature vectors, cached in one temporary folder for every report.</summary>
public static class BenchmarkModel
{
    public static string CacheDirectory { get; } = Path.Combine(Path.GetTempPath(), "elex-natural-report");

    public static SemanticIndex Index(FeatureCatalog catalog, ISentenceEncoder encoder, TextWriter output) =>
        FeatureVectorCache.LoadOrBuild(catalog, RoutingGlosses.Embedded, encoder, CacheDirectory, output.WriteLine);
}
