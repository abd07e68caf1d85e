using Elex.Core.Catalog;
using Elex.Core.Routing;

namespace Elex.Streams.Tests;

/// <summary>The embedded sample catalog and a router over it, built once for all stream tests.</summary>
public static class TestCatalog
{
    private static readonly Lazy<FeatureCatalog> LazyCatalog = new(SampleCatalog.Load);
    private static readonly Lazy<FeatureRouter> LazyRouter = new(() => FeatureRouter.Build(LazyCatalog.Value));

    public static FeatureCatalog Sample => LazyCatalog.Value;

    public static FeatureRouter Router => LazyRouter.Value;

    /// <summary>A swarm over the sample, sharing the prebuilt router.</summary>
    public static Task<ElexSwarm> NewSwarmAsync(SwarmConfig? config = null) => ElexSwarm.CreateAsync(Sample, config, router: Router);
}
