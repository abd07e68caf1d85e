using Elex.Core.Catalog;
using Elex.Core.Routing.Glosses;
using Elex.Core.Routing.Snapshots;
using Elex.Core.Semantics;
using Elex.Core.Text;

namespace Elex.Core.Routing;

// What a build computes, as a snapshot holds it: feature vectors, term weights, radio technologies,
// the exact-match tables and the BM25 postings. The vector index is rebuilt from the vectors (a
// copy per feature, cheap), and options and the sentence model come from the caller, so a router
// read back routes exactly as the one written.
public sealed partial class FeatureRouter
{
    internal void WriteSnapshot(SnapshotWriter w)
    {
        w.Int(Embedder.Dimensions);
        w.Floats(_vectors);
        w.Int(_rats.Length);
        foreach (var rat in _rats) w.Byte((byte)rat);
        var weights = Embedder.Weights;
        w.Float(weights.UnknownTermWeight);
        w.Int(weights.Entries.Count);
        foreach (var (term, idf) in weights.Entries)
        {
            w.String(term);
            w.Float(idf);
        }
        _exact.WriteTo(w);
        _bm25.WriteTo(w);
    }

    /// <summary>Everything a snapshot holds for the router, checked against the catalog; <see cref="Create"/> makes the router.</summary>
    internal sealed class SnapshotParts(FeatureCatalog catalog, float[] vectors, Rat[] rats, TermWeights weights, ExactMatchIndex exact, GlossBm25Index bm25, int dims)
    {
        /// <summary>The router with the caller's options and sentence model.</summary>
        public FeatureRouter Create(RouterOptions options, SemanticIndex? semantic)
        {
            if (semantic is not null && !ReferenceEquals(semantic.Catalog, catalog)) throw new ArgumentException("The semantic index was built over a different catalog.", nameof(semantic));
            var embedder = new TextEmbedder(weights, dims) { IncludeKnownTermTrigrams = false };
            return new FeatureRouter(catalog, embedder, vectors, IndexOf(vectors, catalog.Count, options, hnsw: null), exact, options, rats, semantic, bm25);
        }
    }

    internal static SnapshotParts ReadSnapshot(SnapshotReader r, FeatureCatalog catalog, RouterOptions options)
    {
        var dims = r.Int();
        if (dims != options.Dimensions) throw new InvalidDataException($"{dims}-dimension vectors, expected {options.Dimensions}");
        var vectors = r.Floats();
        if (vectors.Length != catalog.Count * dims) throw new InvalidDataException($"{vectors.Length} vector values for {catalog.Count} features");
        var rats = new Rat[r.Count()];
        if (rats.Length != catalog.Count) throw new InvalidDataException($"{rats.Length} radio technologies for {catalog.Count} features");
        for (var i = 0; i < rats.Length; i++)
            rats[i] = r.Byte() is var rat && rat <= (byte)Rat.LteAndNr ? (Rat)rat : throw new InvalidDataException($"radio technology {rat}");
        var unknown = r.Float();
        var count = r.Count(minimumBytesEach: 5);
        var idf = new Dictionary<string, float>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++) idf.Add(r.String(), r.Float());
        var exact = ExactMatchIndex.ReadFrom(r);
        var bm25 = GlossBm25Index.ReadFrom(r);
        return new SnapshotParts(catalog, vectors, rats, TermWeights.FromEntries(idf, unknown), exact, bm25, dims);
    }
}
