using System.IO.Compression;
using Elex.Core.Catalog;

namespace Elex.Catalog;

/// <summary>
/// The full 593-feature catalog, embedded in this assembly (gzip), with the sentence-model vectors of
/// its features: everything a swarm needs to answer on the full catalog without a catalog file.
/// </summary>
/// <example>
/// <code>
/// var catalog = ElexCatalog.LoadEmbedded();
/// var router = SemanticRouter.Build(catalog, "elex-data/semantic", seed: ElexCatalog.SeedVectors);
/// </code>
/// </example>
public static class ElexCatalog
{
    private const string ResourceName = "Elex.Catalog.elex-catalog.json.gz";
    private const string SeedPrefix = "Elex.Catalog.seed.";

    /// <summary>The name reported as the embedded catalog's source (<see cref="FeatureCatalog.Source"/>).</summary>
    public const string SourceName = "(embedded full catalog)";

    /// <summary>Loads and validates the embedded full catalog.</summary>
    public static FeatureCatalog LoadEmbedded() => Load(CompressedBytes());

    /// <summary>Loads and validates a catalog from gzip-compressed catalog JSON, such as <see cref="CompressedBytes"/>.</summary>
    /// <param name="compressed">The gzip-compressed catalog JSON.</param>
    /// <exception cref="CatalogException">The JSON is not a valid catalog.</exception>
    public static FeatureCatalog Load(byte[] compressed)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        using var json = new GZipStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
        return CatalogLoader.Load(json, SourceName);
    }

    /// <summary>
    /// A copy of the embedded catalog's gzip-compressed bytes, unparsed: what a router snapshot is keyed
    /// by, so a process that finds its snapshot need not parse the catalog.
    /// </summary>
    public static byte[] CompressedBytes()
    {
        using var compressed = typeof(ElexCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from {typeof(ElexCatalog).Assembly.GetName().Name}.");
        var bytes = new byte[compressed.Length];
        compressed.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// The feature vectors shipped for the embedded catalog with the current routing glosses and
    /// sentence model, by the vector cache's file name (<c>features-&lt;key&gt;.vec</c>), decompressed;
    /// null when none matches (the vectors are then computed and cached as usual). Pass it as the
    /// <c>seed</c> of the semantic router so the first question in a new data directory does not wait
    /// for 593 features to be encoded.
    /// </summary>
    /// <param name="cacheFileName">The vector cache's file name, without folder.</param>
    public static Stream? SeedVectors(string cacheFileName)
    {
        ArgumentNullException.ThrowIfNull(cacheFileName);
        var stream = typeof(ElexCatalog).Assembly.GetManifestResourceStream($"{SeedPrefix}{cacheFileName}.gz");
        return stream is null ? null : new GZipStream(stream, CompressionMode.Decompress);
    }
}
