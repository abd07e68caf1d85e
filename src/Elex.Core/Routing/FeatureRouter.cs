using System.Numerics.Tensors;
using Elex.Core.Catalog;
using Elex.Core.Text;
using Elex.Core.Vectors;

namespace Elex.Core.Routing;

/// <summary>
/// Routes a question to the feature agent that should answer it. Hybrid: the question's embedding
/// finds the nearest features in an HNSW index, exact identifiers it names (code, CXC key,
/// acronym, full name, parameter, counter, event) add evidence, and the fused scores become
/// confidences through a softmax, so a fact shared by several features splits the confidence
/// between them and lists them as alternatives.
/// </summary>
public sealed class FeatureRouter
{
    // Sub-words of parameter and counter names describe a feature only loosely.
    private const float IdentifierTermWeight = 0.5f;

    private readonly float[] _vectors;
    private readonly IVectorIndex _index;
    private readonly ExactMatchIndex _exact;
    private readonly RouterOptions _options;

    private FeatureRouter(FeatureCatalog catalog, TextEmbedder embedder, float[] vectors, IVectorIndex index, ExactMatchIndex exact, RouterOptions options)
    {
        Catalog = catalog;
        Embedder = embedder;
        _vectors = vectors;
        _index = index;
        _exact = exact;
        _options = options;
    }

    /// <summary>The catalog routed over.</summary>
    public FeatureCatalog Catalog { get; }

    /// <summary>The embedding used for questions (features are embedded with known-term trigrams too).</summary>
    public TextEmbedder Embedder { get; }

    /// <summary>The vector index over feature embeddings (ids are catalog ordinals).</summary>
    internal IVectorIndex Index => _index;

    /// <summary>The embedding of the feature at an ordinal.</summary>
    internal ReadOnlySpan<float> VectorOf(int ordinal) => _vectors.AsSpan(ordinal * Embedder.Dimensions, Embedder.Dimensions);

    /// <summary>Builds the router: feature documents, term weights, embeddings, the HNSW index and the exact lookups.</summary>
    public static FeatureRouter Build(FeatureCatalog catalog, RouterOptions? options = null, HnswOptions? hnsw = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        options = (options ?? new RouterOptions()).Validate();
        var documents = new FeatureDocument[catalog.Count];
        var analysisCache = new Dictionary<string, AnalyzedText>(StringComparer.Ordinal);
        for (var i = 0; i < catalog.Count; i++) documents[i] = new FeatureDocument(catalog[i], analysisCache);
        var weights = TermWeights.FromDocuments(documents.Select(d => (IReadOnlyCollection<string>)d.TermSet).ToList());
        var embedder = new TextEmbedder(weights, options.Dimensions);
        var questionEmbedder = new TextEmbedder(weights, options.Dimensions) { IncludeKnownTermTrigrams = false };

        var dims = options.Dimensions;
        var vectors = new float[catalog.Count * dims];
        var exact = options.VectorSearch == VectorSearchMode.Exact
            || (options.VectorSearch == VectorSearchMode.Auto && catalog.Count <= options.ExactSearchLimit);
        IVectorIndex index = exact ? new ColumnMajorIndex(dims) : new HnswIndex(dims, hnsw ?? RouterOptions.DefaultHnsw);
        for (var i = 0; i < catalog.Count; i++)
        {
            var vector = vectors.AsSpan(i * dims, dims);
            documents[i].Embed(embedder, vector);
            if (TensorPrimitives.Norm(vector) == 0) vector[i % dims] = 1f; // a feature with no text still gets a (unique-ish) vector
            var id = index.Add(vector);
            if (id != i) throw new InvalidOperationException($"Vector index assigned id {id} to feature ordinal {i}.");
        }
        return new FeatureRouter(catalog, questionEmbedder, vectors, index, new ExactMatchIndex(catalog, documents), options);
    }

    /// <summary>Routes a question.</summary>
    public RouteResult Route(string text) => Route(text, _options.TopK);

    /// <summary>Routes a question, returning up to <paramref name="topK"/> candidates.</summary>
    public RouteResult Route(string text, int topK)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        var dims = Embedder.Dimensions;
        var analyzed = TermAnalyzer.Analyze(text);

        var scores = new Dictionary<int, Scored>();
        var query = dims <= 2048 ? stackalloc float[dims] : new float[dims];
        query.Clear();
        Embedder.Accumulate(analyzed.WordTerms, 1f, query);
        Embedder.Accumulate(analyzed.IdentifierTerms, IdentifierTermWeight, query);
        if (TextEmbedder.Normalize(query))
        {
            Span<VectorNeighbor> neighbors = stackalloc VectorNeighbor[Math.Min(_options.VectorCandidates, Catalog.Count)];
            var found = _index.Search(query, neighbors.Length, neighbors);
            foreach (var n in neighbors[..found]) scores[n.Id] = new Scored(n.Similarity);
        }

        var hits = new List<ExactHit>();
        _exact.Match(text, analyzed, hits);
        foreach (var hit in hits)
        {
            if (!scores.TryGetValue(hit.Ordinal, out var s))
                scores[hit.Ordinal] = s = new Scored(Similarity(query, hit.Ordinal));
            s.Boost += hit.Boost;
            s.Evidence.Add(hit.Evidence);
        }
        if (scores.Count == 0) return RouteResult.None;

        var ranked = scores.OrderByDescending(kv => kv.Value.Total).ThenBy(kv => kv.Key).ToList();
        var top = ranked[0].Value.Total;
        var denominator = 0f;
        foreach (var (_, s) in ranked) denominator += MathF.Exp((s.Total - top) / _options.Temperature);
        var strength = Math.Clamp(top / _options.StrongScore, 0f, 1f);

        var candidates = new List<RouteCandidate>(Math.Min(topK, ranked.Count));
        foreach (var (ordinal, s) in ranked.Take(topK))
        {
            var share = MathF.Exp((s.Total - top) / _options.Temperature) / denominator;
            candidates.Add(new RouteCandidate(Catalog[ordinal], ordinal, s.Total, s.Similarity, share * strength, s.Evidence));
        }
        var ambiguous = ranked.Count > 1 && top - ranked[1].Value.Total < _options.Temperature * 0.7f;
        return new RouteResult(candidates, candidates[0].Confidence, ambiguous);
    }

    private float Similarity(ReadOnlySpan<float> query, int ordinal)
    {
        var dims = Embedder.Dimensions;
        return TensorPrimitives.Dot(query, _vectors.AsSpan(ordinal * dims, dims));
    }

    private sealed class Scored(float similarity)
    {
        public float Similarity { get; } = similarity;
        public float Boost { get; set; }
        public float Total => Similarity + Boost;
        public List<RouteEvidence> Evidence { get; } = [];
    }
}
