using Elex.Core.Catalog;

namespace Elex.Cli;

/// <summary>Loads the catalog named by --catalog, or the embedded full catalog.</summary>
internal static class CatalogSource
{
    public static FeatureCatalog Load(string? path) =>
        string.IsNullOrWhiteSpace(path) ? EmbeddedCatalog.Load() : CatalogLoader.LoadFile(path);
}
