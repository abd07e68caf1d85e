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
public sealed class FeatureRouter
{
    // Sub-words of parameter and counter names describe a feature only loosely.
    private const float IdentifierTermWeight = 0.5f;

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
    public TextEmbedder Embedder { get; }

    /// <summary>The options the router was built with.</summary>
    public RouterOptions Options => _options;

    /// <summary>Questions engineers confirmed, by feature; consulted on every route.</summary>
    public RouteMemory Memory { get; } = new();

    /// <summary>
    /// Teaches the router that <paramref name="question"/> is about <paramref name="feature"/>: a
    /// question close in meaning to it will be routed there (with the learned route as evidence).
    /// </summary>
    /// <exception cref="ArgumentException">The feature is not in the catalog, or the question is empty.</exception>
    public void Teach(string question, FeatureCode feature)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        var ordinal = OrdinalOf(feature) ?? throw new ArgumentException($"'{feature}' is not a feature of this catalog.", nameof(feature));
        Memory.Add(new LearnedRoute(question, feature), ordinal, MemoryVector(question));
    }

    /// <summary>Teaches many routes at once (restoring a saved memory); routes to features the catalog lacks are skipped and returned.</summary>
    public IReadOnlyList<LearnedRoute> Restore(IEnumerable<LearnedRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var list = routes.ToList();
        var skipped = new List<LearnedRoute>();
        float[]? semantic = null;
        var model = _memoryInModelSpace ? Semantic : null;
        if (model is not null && list.Count > 0)
        {
            semantic = new float[list.Count * model.Dimensions];
            for (var start = 0; start < list.Count; start += 32)
            {
                var batch = list.Skip(start).Take(32).Select(r => r.Question).ToList();
                model.EncodeQueries(batch, semantic.AsSpan(start * model.Dimensions, batch.Count * model.Dimensions));
            }
        }
        for (var i = 0; i < list.Count; i++)
        {
            if (OrdinalOf(list[i].Feature) is not { } ordinal || string.IsNullOrWhiteSpace(list[i].Question))
            {
                skipped.Add(list[i]);
                continue;
            }
            var vector = semantic is null ? LexicalVector(list[i].Question) : semantic.AsSpan(i * model!.Dimensions, model.Dimensions).ToArray();
            Memory.Add(list[i], ordinal, vector);
        }
        return skipped;
    }

    /// <summary>
    /// How close <paramref name="text"/> is to the feature at <paramref name="ordinal"/> in the lexical
    /// channel (cosine of the term embeddings, glosses included): a measure for features a route did not
    /// rank, such as the features of a conversation a follow-up may be about.
    /// </summary>
    public float LexicalSimilarity(string text, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, Catalog.Count);
        return Similarity(LexicalVector(text), ordinal);
    }

    private int? OrdinalOf(FeatureCode code)
    {
        for (var i = 0; i < Catalog.Count; i++) if (Catalog[i].Code == code) return i;
        return null;
    }

    // The memory compares questions in the richest space the router has.
    private float[] MemoryVector(string question) => (_memoryInModelSpace ? Semantic?.EncodeQuery(question) : null) ?? LexicalVector(question);

    private float[] LexicalVector(string question)
    {
        var vector = new float[Embedder.Dimensions];
        var analyzed = TermAnalyzer.Analyze(question);
        Embedder.Accumulate(analyzed.WordTerms, 1f, vector);
        Embedder.Accumulate(analyzed.IdentifierTerms, IdentifierTermWeight, vector);
        TextEmbedder.Normalize(vector);
        return vector;
    }

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

    /// <summary>Builds the router: feature documents, term weights, embeddings, the HNSW index and the exact lookups.</summary>
    /// <param name="catalog">The features.</param>
    /// <param name="options">Tuning; defaults when null.</param>
    /// <param name="hnsw">HNSW settings when the catalog is large enough for one.</param>
    /// <param name="glosses">Routing glosses; the embedded ones when null (<see cref="RoutingGlosses.None"/> for catalog facts alone).</param>
    /// <param name="semantic">Sentence-model vectors of the same catalog, or null for a lexical router.</param>
    public static FeatureRouter Build(FeatureCatalog catalog, RouterOptions? options = null, HnswOptions? hnsw = null, RoutingGlosses? glosses = null, SemanticIndex? semantic = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        options = (options ?? new RouterOptions()).Validate();
        glosses ??= RoutingGlosses.Embedded;
        if (semantic is not null && !ReferenceEquals(semantic.Catalog, catalog)) throw new ArgumentException("The semantic index was built over a different catalog.", nameof(semantic));
        var documents = new FeatureDocument[catalog.Count];
        var rats = new Rat[catalog.Count];
        var analysisCache = new Dictionary<string, AnalyzedText>(StringComparer.Ordinal);
        for (var i = 0; i < catalog.Count; i++)
        {
            var gloss = glosses.For(catalog[i].Code);
            rats[i] = gloss?.Rat ?? Rat.Any;
            documents[i] = new FeatureDocument(catalog[i], gloss, analysisCache);
        }
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
        return new FeatureRouter(catalog, questionEmbedder, vectors, index, new ExactMatchIndex(catalog, documents), options, rats, semantic, new GlossBm25Index(catalog, glosses));
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
    /// "Carrier Aggregation" is often about one of its many add-ons; nor do everyday abbreviations
    /// (SR, PM, CA). The model decides those, with the name as evidence. Nor does an acronym,
    /// parameter or counter of a feature of the other RAT than the question names ("MDT on NR
    /// cells"): an NR sibling of the LTE feature is the likelier answer.
    /// </summary>
    public bool IsSettled(RouteResult exactRoute)
    {
        ArgumentNullException.ThrowIfNull(exactRoute);
        if (exactRoute.Best is not { } best) return false;
        var sameRat = !QuestionRat.Contradicts(exactRoute.QuestionRat, _rats[best.Ordinal]);
        var identifying = false;
        foreach (var e in best.Evidence)
        {
            if (e.Kind is MatchKind.Code or MatchKind.Cxc) return true;
            identifying |= sameRat && e.Kind is MatchKind.Parameter or MatchKind.Counter or MatchKind.Event or MatchKind.Acronym && e.SharedBy == 1
                && !(e.Kind == MatchKind.Acronym && RanGlossary.IsEveryday(e.Text.ToLowerInvariant()));
        }
        return identifying && exactRoute.Confidence >= _options.SettledConfidence;
    }

    /// <summary>
    /// Routes a question whose sentence-model vector is already known (a micro-batch encoded it);
    /// an empty vector routes on exact and lexical evidence alone.
    /// </summary>
    public RouteResult Route(string text, ReadOnlySpan<float> semanticQuery, int topK)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        var model = Semantic;
        var useSemantic = model is not null && semanticQuery.Length > 0;
        if (useSemantic && semanticQuery.Length != model!.Dimensions)
            throw new ArgumentException($"The question vector has {semanticQuery.Length} dimensions, the model {model.Dimensions}.", nameof(semanticQuery));
        var memoryInModel = useSemantic && _memoryInModelSpace;
        var dims = Embedder.Dimensions;
        var analyzed = TermAnalyzer.Analyze(text);

        var scores = new Dictionary<int, Scored>();
        var query = dims <= 2048 ? stackalloc float[dims] : new float[dims];
        query.Clear();
        Embedder.Accumulate(analyzed.WordTerms, 1f, query);
        Embedder.Accumulate(analyzed.IdentifierTerms, IdentifierTermWeight, query);
        var hasLexical = TextEmbedder.Normalize(query);
        if (hasLexical)
        {
            Span<VectorNeighbor> neighbors = stackalloc VectorNeighbor[Math.Min(_options.VectorCandidates, Catalog.Count)];
            var found = _index.Search(query, neighbors.Length, neighbors);
            foreach (var n in neighbors[..found]) scores[n.Id] = new Scored(n.Similarity);
        }

        float[]? semantic = null;
        List<(int Ordinal, LearnedRoute Route)>? lifted = null;
        if (useSemantic)
        {
            semantic = new float[Catalog.Count];
            model!.Score(semanticQuery, semantic);
            if (Memory.Count > 0 && memoryInModel) Memory.Lift(semanticQuery, semantic, _options.MemoryOffset, _options.MemoryPull, model.VectorOf, lifted = []);
            foreach (var ordinal in TopOrdinals(semantic, _options.SemanticCandidates))
                if (!scores.ContainsKey(ordinal)) scores[ordinal] = new Scored(hasLexical ? Similarity(query, ordinal) : 0f);
        }

        float[]? bm25 = null;
        if ((semantic is null ? _options.Bm25Weight : _options.Bm25WeightWithModel) > 0)
        {
            bm25 = new float[Catalog.Count];
            if (_bm25.Score(analyzed.WordTerms, analyzed.IdentifierTerms, bm25))
            {
                foreach (var ordinal in TopOrdinals(bm25, _options.Bm25Candidates))
                    if (!scores.ContainsKey(ordinal)) scores[ordinal] = new Scored(hasLexical ? Similarity(query, ordinal) : 0f);
            }
            else
            {
                bm25 = null;
            }
        }

        var hits = new List<ExactHit>();
        _exact.Match(text, analyzed, hits);
        foreach (var hit in hits)
        {
            if (!scores.TryGetValue(hit.Ordinal, out var s))
                scores[hit.Ordinal] = s = new Scored(hasLexical ? Similarity(query, hit.Ordinal) : 0f);
            if (hit.Evidence.Kind == MatchKind.Name)
            {
                s.NameBoost += hit.Boost;
                s.NameTerms = Math.Max(s.NameTerms, hit.Evidence.Text.Count(c => c == ' ') + 1);
            }
            else s.Boost += hit.Boost;
            s.Evidence.Add(hit.Evidence);
        }
        if (semantic is not null && _options.FamilyNameShareWithModel > 0) ShareNamesWithFamilies(scores, query, hasLexical, analyzed.WordTerms);
        if (lifted is not null)
        {
            foreach (var (ordinal, route) in lifted)
            {
                if (!scores.TryGetValue(ordinal, out var s))
                    scores[ordinal] = s = new Scored(hasLexical ? Similarity(query, ordinal) : 0f);
                s.Learned = true;
                s.Evidence.Add(new RouteEvidence(MatchKind.Learned, route.Question.Length > 80 ? route.Question[..77] + "..." : route.Question, 1));
            }
        }
        else if (Memory.Count > 0 && !memoryInModel && hasLexical)
        {
            Recall(query, scores);
        }
        if (scores.Count == 0) return RouteResult.None;
        // Off-topic text ("how do I cook pasta") still has a nearest feature; below the floor, with no
        // exact fact named, nothing in the catalog is what the question is about.
        if (semantic is not null && hits.Count == 0 && semantic[ArgMax(semantic)] < _options.SemanticFloor && !scores.Values.Any(v => v.Learned)) return RouteResult.None;

        var rat = QuestionRat.Detect(analyzed);
        foreach (var (ordinal, s) in scores)
        {
            if (semantic is not null)
            {
                s.Semantic = semantic[ordinal];
                s.Fused = _options.LexicalWeight * s.Similarity + _options.SemanticWeight * s.Semantic + s.Boost
                    + (s.NameTerms >= 3 ? _options.LongNameWeightWithModel : _options.NameWeightWithModel) * s.NameBoost;
            }
            else
            {
                s.Fused = s.Similarity + s.Boost + s.NameBoost;
            }
            if (bm25 is not null)
            {
                s.Bm25 = bm25[ordinal];
                s.Fused += (semantic is null ? _options.Bm25Weight : _options.Bm25WeightWithModel) * s.Bm25;
            }
            if (QuestionRat.Contradicts(rat, _rats[ordinal])) s.Fused -= _options.RatPenalty;
        }

        var ranked = scores.OrderByDescending(kv => kv.Value.Fused).ThenBy(kv => kv.Key).ToList();
        var top = ranked[0].Value.Fused;
        var temperature = semantic is null ? _options.Temperature : _options.SemanticTemperature;
        var denominator = 0f;
        foreach (var (_, s) in ranked) denominator += MathF.Exp((s.Fused - top) / temperature);
        float topConfidence;
        RouteSignals? signals = null;
        if (semantic is null)
        {
            topConfidence = Math.Clamp(top / _options.StrongScore, 0f, 1f) / denominator;
        }
        else
        {
            var (bestOrdinal, best) = (ranked[0].Key, ranked[0].Value);
            var namedTerms = 0;
            var otherExact = false;
            foreach (var e in best.Evidence)
            {
                if (e.Kind == MatchKind.Name) namedTerms = Math.Max(namedTerms, e.Text.Split(' ').Length);
                else otherExact = true;
            }
            signals = new RouteSignals(
                ArgMax(semantic) == bestOrdinal,
                LexicalBest(scores, _options.Bm25Weight) == bestOrdinal,
                namedTerms > 0,
                otherExact,
                ranked.Count > 1 ? top - ranked[1].Value.Fused : top,
                best.Semantic,
                namedTerms == 0 ? 0f : Math.Min(1f, namedTerms / (float)Math.Max(1, analyzed.WordTerms.Count)));
            topConfidence = _options.Calibration.Confidence(signals.Value);
        }

        var candidates = new List<RouteCandidate>(Math.Min(topK, ranked.Count));
        foreach (var (ordinal, s) in ranked.Take(topK))
        {
            // Alternatives keep their softmax share relative to the best.
            var relative = MathF.Exp((s.Fused - top) / temperature);
            candidates.Add(new RouteCandidate(Catalog[ordinal], ordinal, s.Fused, semantic is null ? s.Similarity : s.Semantic, topConfidence * relative, s.Evidence));
        }
        var ambiguous = ranked.Count > 1 && top - ranked[1].Value.Fused < temperature * 0.7f;
        return new RouteResult(candidates, candidates[0].Confidence, ambiguous) { UsedSemantic = semantic is not null, Signals = signals, QuestionRat = rat };
    }

    // A question close to one an engineer corrected goes where the correction said: the closer, the
    // stronger the pull, from nothing at the threshold to a whole-name match's weight when identical.
    // (Routers with the model lift the learned question's feature inside the model channel instead.)
    private void Recall(ReadOnlySpan<float> lexicalQuery, Dictionary<int, Scored> scores)
    {
        var (index, cosine, ordinal, route) = Memory.Nearest(lexicalQuery);
        var threshold = _options.MemoryLexicalThreshold;
        if (index < 0 || cosine < threshold) return;
        if (!scores.TryGetValue(ordinal, out var s))
            scores[ordinal] = s = new Scored(Similarity(lexicalQuery, ordinal));
        s.Boost += _options.MemoryBoost * (cosine - threshold) / (1f - threshold) + _options.MemoryBoost * 0.5f;
        s.Learned = true;
        var question = route!.Question.Length > 80 ? route.Question[..77] + "..." : route.Question;
        s.Evidence.Add(new RouteEvidence(MatchKind.Learned, question, 1));
    }

    private static int ArgMax(float[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    // The lexical channel alone: term similarity, BM25 over the glosses, and exact boosts.
    private static int LexicalBest(Dictionary<int, Scored> scores, float bm25Weight)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        foreach (var (ordinal, s) in scores)
        {
            var lexical = s.Similarity + s.Boost + s.NameBoost + bm25Weight * s.Bm25;
            if (lexical > bestScore || (lexical == bestScore && ordinal < best))
            {
                best = ordinal;
                bestScore = lexical;
            }
        }
        return best;
    }

    // The best `count` ordinals by score, in no particular order: one pass with a min-heap of the
    // current best (a full sort of every feature per question was the exact path's largest cost).
    private static int[] TopOrdinals(float[] scores, int count)
    {
        count = Math.Min(count, scores.Length);
        var heap = new NeighborHeap(bestOnTop: false, count);
        for (var i = 0; i < scores.Length; i++)
        {
            if (heap.Count < count) heap.Push(i, scores[i]);
            else if (scores[i] > heap.TopSimilarity) heap.ReplaceTop(i, scores[i]);
        }
        var top = new int[heap.Count];
        for (var i = top.Length - 1; i >= 0; i--) top[i] = heap.Pop();
        return top;
    }

    private float Similarity(ReadOnlySpan<float> query, int ordinal)
    {
        var dims = Embedder.Dimensions;
        return TensorPrimitives.Dot(query, _vectors.AsSpan(ordinal * dims, dims));
    }

    // A parent named in the question lends part of its name boost to its add-ons (no evidence: they
    // were not named), so the model's reading decides between "IFLB" and "IFLB Activation Threshold".
    private void ShareNamesWithFamilies(Dictionary<int, Scored> scores, ReadOnlySpan<float> query, bool hasLexical, List<string> questionTerms)
    {
        List<(int Ordinal, float Boost, int Terms)>? named = null;
        foreach (var (ordinal, s) in scores)
        {
            if (s.NameBoost > 0) (named ??= []).Add((ordinal, s.NameBoost, s.NameTerms));
        }
        if (named is null) return;
        foreach (var (parent, boost, terms) in named)
        {
            foreach (var member in _families.Value.PointedAt(parent, questionTerms))
            {
                if (!scores.TryGetValue(member, out var s))
                    scores[member] = s = new Scored(hasLexical ? Similarity(query, member) : 0f);
                if (s.NameBoost > 0) continue;
                s.NameBoost = _options.FamilyNameShareWithModel * boost;
                s.NameTerms = terms;
            }
        }
    }

    private sealed class Scored(float similarity)
    {
        public float Similarity { get; } = similarity;
        public float Boost { get; set; }
        public float NameBoost { get; set; }
        public int NameTerms { get; set; }
        public bool Learned { get; set; }
        public float Bm25 { get; set; }
        public float Semantic { get; set; }
        public float Fused { get; set; }
        public List<RouteEvidence> Evidence { get; } = [];
    }
}
