using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Storage;
using Elex.Streams;

namespace Elex.Reliability.Support;

/// <summary>The embedded sample catalog (parsed and raw), a router over it, and swarms built on them.</summary>
public static class Sample
{
    private static readonly Lazy<FeatureCatalog> LazyCatalog = new(SampleCatalog.Load);
    private static readonly Lazy<FeatureRouter> LazyRouter = new(() => FeatureRouter.Build(LazyCatalog.Value));
    private static readonly Lazy<byte[]> LazyJson = new(() =>
    {
        using var stream = typeof(SampleCatalog).Assembly.GetManifestResourceStream("Elex.Core.sample-catalog.json")
            ?? throw new InvalidOperationException("the sample catalog resource is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>The MIMO Sleep Mode feature, which "which counters show MSM is working?" routes to.</summary>
    public const string MsmAgent = "agent-FAJ_121_3094";

    /// <summary>The parsed sample catalog.</summary>
    public static FeatureCatalog Catalog => LazyCatalog.Value;

    /// <summary>A router over <see cref="Catalog"/>.</summary>
    public static FeatureRouter Router => LazyRouter.Value;

    /// <summary>The sample catalog's UTF-8 JSON as embedded.</summary>
    public static ReadOnlyMemory<byte> CatalogJson => LazyJson.Value;

    /// <summary>A swarm without a store.</summary>
    public static Task<ElexSwarm> NewSwarmAsync(SwarmConfig? config = null) => ElexSwarm.CreateAsync(Catalog, config, router: Router);

    /// <summary>A swarm restored from (and persisting to) <paramref name="store"/>.</summary>
    public static Task<ElexSwarm> NewSwarmAsync(IAgentStore store, SwarmConfig? config = null) =>
        ElexSwarm.CreateAsync(Catalog, config, store, router: Router);

    /// <summary>Questions the sample answers.</summary>
    public static readonly string[] Questions =
    [
        "Which counters show MSM is working?",
        "IFLB parameters",
        "how to activate carrier aggregation",
        "VoLTE prescheduling",
        "uplink CA not working",
        "what is MSM?",
        "set sleepMode to 2 for MSM on cell X",
        "what does FAJ 121 3009 need?",
    ];
}
