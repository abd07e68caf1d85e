using System.IO.Compression;
using Elex.Core.Catalog;

namespace Elex.Cli;

/// <summary>The full 593-feature catalog shipped inside the tool (gzip), the default when no --catalog is given.</summary>
internal static class EmbeddedCatalog
{
    private const string ResourceName = "Elex.Cli.elex-catalog.json.gz";

    /// <summary>The name reported as its source.</summary>
    public const string SourceName = "(embedded full catalog)";

    public static FeatureCatalog Load() => Load(CompressedBytes());

    /// <summary>The embedded catalog as a <see cref="CatalogSource"/>: its compressed bytes key the router snapshot, unparsed.</summary>
    public static CatalogSource Source()
    {
        var compressed = CompressedBytes();
        return new CatalogSource(compressed, SourceName, "embedded", () => Load(compressed));
    }

    private static FeatureCatalog Load(byte[] compressed)
    {
        using var json = new GZipStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
        return CatalogLoader.Load(json, SourceName);
    }

    private static byte[] CompressedBytes()
    {
        using var compressed = typeof(EmbeddedCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the elex tool.");
        var bytes = new byte[compressed.Length];
        compressed.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// Feature vectors shipped for the embedded catalog with the current glosses and model, so the
    /// first question in a new data directory does not wait for 593 features to be encoded; null
    /// when none matches (the vectors are then computed and cached as usual).
    /// </summary>
    public static Stream? SeedVectors(string cacheFileName)
    {
        var stream = typeof(EmbeddedCatalog).Assembly.GetManifestResourceStream($"Elex.Cli.seed.{cacheFileName}.gz");
        return stream is null ? null : new GZipStream(stream, CompressionMode.Decompress);
    }
}
