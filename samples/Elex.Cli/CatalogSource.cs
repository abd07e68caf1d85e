using Elex.Core.Catalog;

namespace Elex.Cli;

/// <summary>Loads the catalog named by --catalog, or the embedded sample.</summary>
internal static class CatalogSource
{
    public static FeatureCatalog Load(string? path) =>
        string.IsNullOrWhiteSpace(path) ? SampleCatalog.Load() : CatalogLoader.LoadFile(path);
}
