using System.Security.Cryptography;
using System.Text;
using Elex.Core.Catalog;

namespace Elex.Cli;

/// <summary>
/// The catalog named by --catalog, or the embedded full catalog: its bytes, unparsed (a router
/// snapshot is keyed by them), the name its answers cite, and how to load it when no snapshot serves.
/// </summary>
/// <param name="Bytes">The file's bytes, or the embedded catalog's compressed bytes.</param>
/// <param name="Name">The catalog's source as answers and <c>elex catalog</c> name it.</param>
/// <param name="SnapshotName">Names the router snapshot of this catalog in the data directory: one per catalog path.</param>
/// <param name="Parse">Parses and validates <paramref name="Bytes"/>.</param>
internal sealed record CatalogSource(byte[] Bytes, string Name, string SnapshotName, Func<FeatureCatalog> Parse)
{
    /// <summary>Reads the catalog's bytes (a missing or unreadable file fails here, as a catalog error).</summary>
    /// <exception cref="CatalogException">The file is missing, a directory or unreadable.</exception>
    public static CatalogSource Open(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return EmbeddedCatalog.Source();
        var bytes = CatalogLoader.ReadFile(path);
        // One snapshot per catalog path: editing the file makes that snapshot stale (rebuilt with a
        // note) instead of leaving one file behind per version of it.
        var pathHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(path))))[..16];
        return new CatalogSource(bytes, path, $"file-{pathHash}", () => CatalogLoader.Load(bytes, path));
    }

    /// <summary>Loads and validates the catalog (no snapshot: <c>elex catalog</c> reports what the loader finds).</summary>
    public static FeatureCatalog Load(string? path) => Open(path).Parse();
}
