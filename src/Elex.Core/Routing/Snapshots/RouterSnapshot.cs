using Elex.Core.Catalog;
using Elex.Core.Routing.Glosses;
using Elex.Core.Semantics;

namespace Elex.Core.Routing.Snapshots;

/// <summary>How <see cref="RouterSnapshot.LoadOrBuild"/> came by its router.</summary>
public enum SnapshotOutcome
{
    /// <summary>Read from a valid snapshot: no catalog parsing, no index build.</summary>
    Loaded,
    /// <summary>There was no snapshot: built, and the snapshot written.</summary>
    Built,
    /// <summary>The snapshot was stale (another catalog, glosses, options or build): rebuilt and rewritten.</summary>
    RebuiltStale,
    /// <summary>The snapshot was truncated, damaged or unreadable: rebuilt and rewritten.</summary>
    RebuiltCorrupt,
}

/// <summary>A catalog and the router over it, with how they were obtained.</summary>
/// <param name="Catalog">The catalog (from the snapshot, or loaded).</param>
/// <param name="Router">The router over <paramref name="Catalog"/>.</param>
/// <param name="Outcome">Whether the snapshot was used.</param>
public sealed record SnapshotResult(FeatureCatalog Catalog, FeatureRouter Router, SnapshotOutcome Outcome);

/// <summary>
/// A versioned snapshot of a loaded catalog and everything <see cref="FeatureRouter.Build(FeatureCatalog, RouterOptions?, RoutingGlosses?, SemanticIndex?)"/>
/// computes from it (feature vectors, term weights, exact-match tables, BM25 postings), so a
/// one-shot process neither parses the catalog nor rebuilds the indexes. Keyed by the catalog's
/// bytes, the glosses, the router options, the snapshot format and the Elex.Core build; a stale or
/// corrupt snapshot is reported in one line and rebuilt, never used. A router read from a snapshot
/// routes exactly as a freshly built one.
/// </summary>
public static class RouterSnapshot
{
    /// <summary>The layout version; a snapshot of another version is stale.</summary>
    public const int FormatVersion = 1;

    /// <summary>
    /// Reads the catalog and router from the snapshot at <paramref name="path"/> when it was made from
    /// the same inputs; otherwise loads the catalog, builds the router and writes the snapshot.
    /// </summary>
    /// <param name="path">The snapshot file.</param>
    /// <param name="catalogBytes">The bytes the catalog is read from (a file's, or a compressed resource's): the snapshot is keyed by them.</param>
    /// <param name="catalogName">The catalog's <see cref="FeatureCatalog.Source"/> when it comes from the snapshot.</param>
    /// <param name="loadCatalog">Loads the catalog from those bytes when the snapshot cannot be used.</param>
    /// <param name="semantic">Sentence-model vectors for the catalog (which may come from the snapshot), or null for a lexical router.</param>
    /// <param name="options">Router options; defaults when null.</param>
    /// <param name="glosses">Routing glosses; the embedded ones when null (not parsed when the snapshot is used).</param>
    /// <param name="note">Receives one line when the snapshot is stale or corrupt, or cannot be written.</param>
    /// <exception cref="CatalogException">The catalog had to be loaded and is invalid.</exception>
    public static SnapshotResult LoadOrBuild(
        string path,
        ReadOnlySpan<byte> catalogBytes,
        string catalogName,
        Func<FeatureCatalog> loadCatalog,
        Func<FeatureCatalog, SemanticIndex?>? semantic = null,
        RouterOptions? options = null,
        RoutingGlosses? glosses = null,
        Action<string>? note = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(catalogName);
        ArgumentNullException.ThrowIfNull(loadCatalog);
        options = (options ?? new RouterOptions()).Validate();
        var key = RouterSnapshotKey.Compute(catalogBytes, RouterSnapshotKey.GlossesFingerprint(glosses), options);
        var outcome = SnapshotOutcome.Built;
        (FeatureCatalog, FeatureRouter.SnapshotParts)? loaded = null;
        try
        {
            if (RouterSnapshotFile.Read(path, key) is { } payload)
            {
                var reader = new SnapshotReader(payload);
                var catalog = CatalogSnapshot.Read(reader, catalogName);
                var parts = FeatureRouter.ReadSnapshot(reader, catalog, options);
                if (!reader.AtEnd) throw new InvalidDataException("bytes are left after the router");
                loaded = (catalog, parts);
            }
        }
        catch (RouterSnapshotFile.Unusable e)
        {
            outcome = e.Stale ? SnapshotOutcome.RebuiltStale : SnapshotOutcome.RebuiltCorrupt;
            note?.Invoke($"the routing index snapshot {path} {e.Message}; rebuilding it.");
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or ArgumentException)
        {
            // The hash matched, so this is a file written wrongly (or by a build with a bug), not damage in transit.
            outcome = SnapshotOutcome.RebuiltCorrupt;
            note?.Invoke($"the routing index snapshot {path} cannot be read ({e.Message}); rebuilding it.");
        }
        // Outside the try: a sentence model that fails to load is the caller's error, not a bad snapshot.
        if (loaded is ({ } snapshotCatalog, { } snapshotParts))
            return new SnapshotResult(snapshotCatalog, snapshotParts.Create(options, semantic?.Invoke(snapshotCatalog)), SnapshotOutcome.Loaded);
        var built = loadCatalog();
        var fresh = FeatureRouter.Build(built, options, glosses, semantic?.Invoke(built));
        Write(path, key, built, fresh, note);
        return new SnapshotResult(built, fresh, outcome);
    }

    /// <summary>Writes the snapshot of <paramref name="router"/> and its catalog (a failure is noted, not thrown).</summary>
    private static void Write(string path, RouterSnapshotKey key, FeatureCatalog catalog, FeatureRouter router, Action<string>? note)
    {
        try
        {
            var writer = new SnapshotWriter();
            CatalogSnapshot.Write(writer, catalog);
            router.WriteSnapshot(writer);
            RouterSnapshotFile.Write(path, key, writer.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            note?.Invoke($"the routing index snapshot could not be written to {path} ({e.Message}); the index will be rebuilt next time.");
        }
    }
}
