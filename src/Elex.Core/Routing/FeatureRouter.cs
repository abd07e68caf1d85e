using System.Numerics.Tensors;
using Elex.Core.Catalog;
using Elex.Core.Routing.Glosses;
using Elex.Core.Semantics;
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
public sealed partial class FeatureRouter
{
    // Sub-words of parameter and counter names describe a feature only loosely.
    private const float IdentifierTermWeight = 0.5f;

    // Below this many features a build takes a fraction of a second on one thread; above it, the
    // documents, embeddings and vector index are built on every core (the result is the same).
    private const int ParallelBuildFrom = 4096;

    private readonly float[] _vectors;
    private readonly IVectorIndex _index;
    private readonly ExactMatchIndex _exact;
    private readonly RouterOptions _options;

    private readonly Rat[] _rats;
    private readonly GlossBm25Index _bm25;
    private readonly Lazy<FeatureFamilies> _families;
    // Learned routes are compared in the space they were taught in: the model's when the router was
    // built with one (the CLR), the lexical one when the model came later (the browser), so routes
    // learned before the model arrived stay usable and teaching never needs a synchronous model.
    private readonly bool _memoryInModelSpace;
    private SemanticIndex? _semantic;

    private FeatureRouter(FeatureCatalog catalog, TextEmbedder embedder, float[] vectors, IVectorIndex index, ExactMatchIndex exact, RouterOptions options, Rat[] rats, SemanticIndex? semantic, GlossBm25Index bm25)
    {
        _bm25 = bm25;
        _rats = rats;
        _families = new Lazy<FeatureFamilies>(() => new FeatureFamilies(catalog));
        _semantic = semantic;
        _memoryInModelSpace = semantic is not null;
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
    internal TextEmbedder Embedder { get; }

    /// <summary>The options the router was built with.</summary>
    public RouterOptions Options => _options;

    /// <summary>Questions engineers confirmed, by feature; consulted on every route.</summary>
    internal RouteMemory Memory { get; } = new();

    /// <summary>The sentence-model index, or null when the router is lexical only (or its model is not attached yet).</summary>
    public SemanticIndex? Semantic => Volatile.Read(ref _semantic);

    /// <summary>
    /// Gives a router built without a model the sentence model's feature vectors, from now on (the
    /// browser loads the model on demand). Routes already learned stay in the lexical space they
    /// were taught in, and so do routes taught later (see <see cref="Teach"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The index was built over another catalog.</exception>
    /// <exception cref="InvalidOperationException">The router already has a model.</exception>
    public void AttachSemantic(SemanticIndex semantic)
    {
        ArgumentNullException.ThrowIfNull(semantic);
        if (!ReferenceEquals(semantic.Catalog, Catalog)) throw new ArgumentException("The semantic index was built over a different catalog.", nameof(semantic));
        if (Interlocked.CompareExchange(ref _semantic, semantic, null) is not null)
            throw new InvalidOperationException("The router already has a sentence model.");
    }

    /// <summary>The vector index over feature embeddings (ids are catalog ordinals).</summary>
    internal IVectorIndex Index => _index;

    /// <summary>The embedding of the feature at an ordinal.</summary>
    internal ReadOnlySpan<float> VectorOf(int ordinal) => _vectors.AsSpan(ordinal * Embedder.Dimensions, Embedder.Dimensions);

    /// <summary>Builds the router: feature documents, term weights, embeddings, the vector index and the exact lookups.</summary>
    /// <param name="catalog">The features.</param>
    /// <param name="options">Tuning; defaults when null.</param>
    /// <param name="glosses">Routing glosses; the embedded ones when null (<see cref="RoutingGlosses.None"/> for catalog facts alone).</param>
    /// <param name="semantic">Sentence-model vectors of the same catalog, or null for a lexical router.</param>
    public static FeatureRouter Build(FeatureCatalog catalog, RouterOptions? options = null, RoutingGlosses? glosses = null, SemanticIndex? semantic = null) =>
        Build(catalog, options, hnsw: null, glosses, semantic);

    // HNSW settings are tuned for catalogs (RouterOptions.DefaultHnsw); only the recall tests vary them.
    internal static FeatureRouter Build(FeatureCatalog catalog, RouterOptions? options, HnswOptions? hnsw, RoutingGlosses? glosses = null, SemanticIndex? semantic = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        options = (options ?? new RouterOptions()).Validate();
        glosses ??= RoutingGlosses.Embedded;
        if (semantic is not null && !ReferenceEquals(semantic.Catalog, catalog)) throw new ArgumentException("The semantic index was built over a different catalog.", nameof(semantic));
        var documents = new FeatureDocument[catalog.Count];
        var rats = new Rat[catalog.Count];
        var parallel = catalog.Count >= ParallelBuildFrom && Environment.ProcessorCount > 1 && !OperatingSystem.IsBrowser();
        // Each thread analyses its own slice of the catalog with its own cache (analysis is pure, so
        // the documents are the same whichever thread made them).
        var slices = parallel ? Environment.ProcessorCount : 1;
        ForEach(slices, parallel, slice =>
        {
            var analysisCache = new Dictionary<string, AnalyzedText>(StringComparer.Ordinal);
            for (var i = slice * catalog.Count / slices; i < (slice + 1) * catalog.Count / slices; i++)
            {
                var gloss = glosses.For(catalog[i].Code);
                rats[i] = gloss?.Rat ?? Rat.Any;
                documents[i] = new FeatureDocument(catalog[i], gloss, analysisCache);
            }
        });
        var weights = TermWeights.FromDocuments(documents.Select(d => (IReadOnlyCollection<string>)d.TermSet).ToList());
        var embedder = new TextEmbedder(weights, options.Dimensions);
        var questionEmbedder = new TextEmbedder(weights, options.Dimensions) { IncludeKnownTermTrigrams = false };

        var dims = options.Dimensions;
        var vectors = new float[catalog.Count * dims];
        ForEach(slices, parallel, slice =>
        {
            for (var i = slice * catalog.Count / slices; i < (slice + 1) * catalog.Count / slices; i++)
            {
                var vector = vectors.AsSpan(i * dims, dims);
                documents[i].Embed(embedder, vector);
                if (TensorPrimitives.Norm(vector) == 0) vector[i % dims] = 1f; // a feature with no text still gets a (unique-ish) vector
            }
        });

        // The exact lookups and BM25 only read the catalog and the documents: on a large catalog
        // they are built beside the vector index, the slow part.
        ExactMatchIndex? exactMatch = null;
        GlossBm25Index? bm25 = null;
        IVectorIndex? index = null;
        void Lookups() => (exactMatch, bm25) = (new ExactMatchIndex(catalog, documents), new GlossBm25Index(catalog, glosses));
        void Vectors() => index = IndexOf(vectors, catalog.Count, options, hnsw);
        // Parallel.Invoke runs them on the calling thread too, and in order where there is no other (WebAssembly).
        if (parallel) Parallel.Invoke(Lookups, Vectors);
        else
        {
            Lookups();
            Vectors();
        }
        return new FeatureRouter(catalog, questionEmbedder, vectors, index!, exactMatch!, options, rats, semantic, bm25!);
    }

    // The vector index over the feature embeddings, ids in catalog order; rebuilt from the vectors
    // when a router is read from a snapshot, so both paths search the same index.
    private static IVectorIndex IndexOf(float[] vectors, int count, RouterOptions options, HnswOptions? hnsw)
    {
        var dims = options.Dimensions;
        var exact = options.VectorSearch == VectorSearchMode.Exact
            || (options.VectorSearch == VectorSearchMode.Auto && count <= options.ExactSearchLimit);
        if (!exact)
        {
            // Built on every core; the graph is the same whatever the core count (see HnswIndex.AddRange).
            var graph = new HnswIndex(dims, hnsw ?? RouterOptions.DefaultHnsw);
            graph.AddRange(vectors.AsSpan(0, count * dims), count >= ParallelBuildFrom ? -1 : 1);
            return graph;
        }
        var index = new ColumnMajorIndex(dims);
        for (var i = 0; i < count; i++) index.Add(vectors.AsSpan(i * dims, dims));
        return index;
    }

    /// <summary>Runs <paramref name="body"/> for 0..<paramref name="count"/>-1, on the thread pool when <paramref name="parallel"/>.</summary>
    private static void ForEach(int count, bool parallel, Action<int> body)
    {
        if (parallel) Parallel.For(0, count, body);
        else for (var i = 0; i < count; i++) body(i);
    }

    /// <summary>Routes a question (encoding it with the sentence model when the router has one and exact evidence does not settle it).</summary>
    public RouteResult Route(string text) => Route(text, _options.TopK);

    /// <summary>Routes a question, returning up to <paramref name="topK"/> candidates.</summary>
    public RouteResult Route(string text, int topK)
    {
        ArgumentNullException.ThrowIfNull(text);
        var model = Semantic;
        if (model is null) return Route(text, ReadOnlySpan<float>.Empty, topK);
        var exact = Route(text, ReadOnlySpan<float>.Empty, topK);
        if (IsSettled(exact)) return exact;
        float[] vector;
        try
        {
            vector = model.EncodeQuery(text);
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            // A model that cannot run must not take answering down: route on exact and lexical evidence, and say so.
            return exact with { ModelFailure = e.Message };
        }
        return Route(text, vector, topK);
    }

    /// <summary>
    /// True when exact evidence alone settles a route, so the sentence model need not run: the
    /// question names a code or licence key, or — with a clear lead — a parameter, counter, event or
    /// acronym that only that feature has. Names do not settle a route: a question that names
    /// "Carrier Aggregation" is often about one of its many add-ons — unless the question is nothing
    /// but that whole name ("What is Prescheduling in LTE?"); nor do everyday abbreviations
    /// (SR, PM, CA). The model decides those, with the name as evidence. Nor does an acronym,
    /// parameter or counter of a feature of the other RAT than the question names ("MDT on NR
    /// cells"): an NR sibling of the LTE feature is the likelier answer.
    /// </summary>
    public bool IsSettled(RouteResult exactRoute)
    {
        ArgumentNullException.ThrowIfNull(exactRoute);
        if (exactRoute.Best is not { } best) return false;
        var sameRat = !QuestionRat.Contradicts(exactRoute.QuestionRat ?? Glosses.Rat.Any, _rats[best.Ordinal]);
        // The whole question is the feature's name: its share of the confidence may be lower (other
        // names contain the word), but nothing in the question points elsewhere.
        if (sameRat && exactRoute.AsksForBestByName && !exactRoute.IsAmbiguous) return true;
        var identifying = false;
        for (var i = 0; i < best.Evidence.Count; i++)
        {
            var e = best.Evidence[i];
            if (e.Kind is MatchKind.Code or MatchKind.Cxc) return true;
            identifying |= sameRat && e.Kind is MatchKind.Parameter or MatchKind.Counter or MatchKind.Event or MatchKind.Acronym && e.SharedBy == 1
                && !(e.Kind == MatchKind.Acronym && RanGlossary.IsEveryday(e.Text.ToLowerInvariant()));
        }
        return identifying && exactRoute.Confidence >= _options.SettledConfidence;
    }
}
