using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Core.Routing.Glosses;

namespace Elex.Semantic;

/// <summary>Builds a router that fuses exact evidence, lexical similarity and the sentence model.</summary>
public static class SemanticRouter
{
    /// <summary>
    /// Takes the feature vectors from <paramref name="cacheDirectory"/> (or loads the shipped model,
    /// encodes and caches them) and builds the fused router; the model itself loads on the first
    /// question that needs it. The encoder lives as long as the process.
    /// </summary>
    /// <exception cref="SemanticModelException">The model cannot be loaded (when the vectors must be computed).</exception>
    public static FeatureRouter Build(FeatureCatalog catalog, string? cacheDirectory, Action<string>? warn = null, RouterOptions? options = null, RoutingGlosses? glosses = null, Func<string, Stream?>? seed = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        glosses ??= RoutingGlosses.Embedded;
        return FeatureRouter.Build(catalog, options, glosses: glosses, semantic: LoadIndex(catalog, cacheDirectory, warn, glosses, seed));
    }

    /// <summary>
    /// The sentence-model feature vectors alone, as <see cref="Build"/> finds or computes them — for a
    /// router read from a snapshot (<see cref="Core.Routing.Snapshots.RouterSnapshot"/>).
    /// </summary>
    /// <exception cref="SemanticModelException">The model cannot be loaded (when the vectors must be computed).</exception>
    public static Core.Semantics.SemanticIndex LoadIndex(FeatureCatalog catalog, string? cacheDirectory, Action<string>? warn = null, RoutingGlosses? glosses = null, Func<string, Stream?>? seed = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        glosses ??= RoutingGlosses.Embedded;
        // One thread per run and one run per core: a question alone takes ~2 ms on one thread, and a
        // micro-batch spreads its questions over every core. Loaded on first use: cached feature
        // vectors and exact questions do not need it.
        var encoder = new LazySentenceEncoder(SentenceModel.ArcticXs, intraOpThreads: 1, concurrentRuns: Environment.ProcessorCount, graphCache: cacheDirectory, warn: warn);
        return FeatureVectorCache.LoadOrBuild(catalog, glosses, encoder, cacheDirectory, warn, seed);
    }

}
