namespace Elex.Core.Catalog;

/// <summary>The small catalog embedded in this assembly: the default when no catalog path is given.</summary>
public static class SampleCatalog
{
    private const string ResourceName = "Elex.Core.sample-catalog.json";

    /// <summary>The name reported as the sample catalog's source.</summary>
    public const string SourceName = "(embedded sample)";

    /// <summary>Loads the embedded sample catalog.</summary>
    public static FeatureCatalog Load()
    {
        using var stream = typeof(SampleCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from {typeof(SampleCatalog).Assembly.GetName().Name}.");
        return CatalogLoader.Load(stream, SourceName);
    }
}
