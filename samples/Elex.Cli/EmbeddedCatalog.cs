using Elex.Catalog;
using Elex.Core.Catalog;

namespace Elex.Cli;

/// <summary>The full 593-feature catalog shipped with the tool (the Elex.Catalog package), the default when no --catalog is given.</summary>
internal static class EmbeddedCatalog
{
    /// <summary>The name reported as its source.</summary>
    public const string SourceName = ElexCatalog.SourceName;

    public static FeatureCatalog Load() => ElexCatalog.LoadEmbedded();

    /// <summary>The embedded catalog as a <see cref="CatalogSource"/>: its compressed bytes key the router snapshot, unparsed.</summary>
    public static CatalogSource Source()
    {
        var compressed = ElexCatalog.CompressedBytes();
        return new CatalogSource(compressed, SourceName, "embedded", () => ElexCatalog.Load(compressed));
    }

    /// <summary>
    /// Feature vectors shipped for the embedded catalog with the current glosses and model, so the
    /// first question in a new data directory does not wait for 593 features to be encoded; null
    /// when none matches (the vectors are then computed and cached as usual).
    /// </summary>
    public static Stream? SeedVectors(string cacheFileName) => ElexCatalog.SeedVectors(cacheFileName);
}
