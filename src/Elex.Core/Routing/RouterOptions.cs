namespace Elex.Core.Routing;

/// <summary>Router tuning. Defaults are what the benchmarks and accuracy tests were run with.</summary>
public sealed record RouterOptions
{
    /// <summary>Embedding dimensions.</summary>
    public int Dimensions { get; init; } = 512;
    /// <summary>Nearest neighbours taken from the vector index before fusion.</summary>
    public int VectorCandidates { get; init; } = 24;
    /// <summary>Candidates returned (best plus alternatives).</summary>
    public int TopK { get; init; } = 5;
    /// <summary>Softmax temperature that turns fused scores into confidences (smaller = sharper).</summary>
    public float Temperature { get; init; } = 0.08f;
    /// <summary>A fused score at or above this is "strong" evidence; weaker top scores scale confidence down.</summary>
    public float StrongScore { get; init; } = 0.55f;
    /// <summary>Weight of BM25 over names and routing glosses (normalised to [0, 1]) without the model; 0 turns the channel off.</summary>
    public float Bm25Weight { get; init; } = 0.8f;
    /// <summary>Weight of BM25 over names and routing glosses when the sentence model takes part.</summary>
    public float Bm25WeightWithModel { get; init; } = 0.6f;
    /// <summary>Features taken from BM25's best before fusion.</summary>
    public int Bm25Candidates { get; init; } = 24;
    /// <summary>Weight of the lexical (term) similarity when the sentence model takes part.</summary>
    public float LexicalWeight { get; init; } = 0.3f;
    /// <summary>Weight of the sentence-model cosine.</summary>
    public float SemanticWeight { get; init; } = 1.0f;
    /// <summary>
    /// Share of a whole-name match's boost kept when the sentence model takes part: a question that
    /// names a parent feature ("Carrier Aggregation") is often about one of its add-ons, which the
    /// model tells apart.
    /// </summary>
    public float NameWeightWithModel { get; init; } = 0.2f;
    /// <summary>The same for names of three or more words, which name one feature more surely.</summary>
    public float LongNameWeightWithModel { get; init; } = 0.4f;
    /// <summary>With the model: the share of a named feature's name boost its add-ons (names holding its name or acronym) receive; 0 = none.</summary>
    public float FamilyNameShareWithModel { get; init; } = 0.75f;
    /// <summary>Features taken from the sentence model's nearest before fusion.</summary>
    public int SemanticCandidates { get; init; } = 24;
    /// <summary>Softmax temperature when the sentence model takes part (its cosines sit in a narrower band).</summary>
    public float SemanticTemperature { get; init; } = 0.04f;
    /// <summary>Fused score counted as strong when the sentence model takes part.</summary>
    public float SemanticStrongScore { get; init; } = 0.9f;
    /// <summary>Taken off a feature of the other radio technology when the question names LTE or NR.</summary>
    public float RatPenalty { get; init; } = 0.1f;
    /// <summary>Exact-path confidence at or above which the sentence model is skipped (with exact evidence present).</summary>
    public float SettledConfidence { get; init; } = 0.9f;
    /// <summary>
    /// Best sentence-model cosine below which a question that names no exact fact is about nothing in
    /// the catalog (measured: natural RAN questions 0.60 and up, off-topic text 0.47–0.53).
    /// </summary>
    public float SemanticFloor { get; init; } = 0.56f;
    /// <summary>
    /// Added to a learned question's model cosine when it stands beside its feature's description
    /// (questions resemble each other more than they resemble descriptions).
    /// </summary>
    public float MemoryOffset { get; init; } = -0.1f;
    /// <summary>How far a feature's description moves towards the mean of its confirmed questions (0 = not at all).</summary>
    public float MemoryPull { get; init; } = 0.4f;
    /// <summary>Lexical cosine from which a learned route pulls a question (routers without the model).</summary>
    public float MemoryLexicalThreshold { get; init; } = 0.7f;
    /// <summary>Boost of a learned route: half at the threshold, one and a half for an identical question.</summary>
    public float MemoryBoost { get; init; } = 0.4f;
    /// <summary>Confidence of routes the sentence model took part in.</summary>
    internal SemanticCalibration Calibration { get; init; } = new();
    /// <summary>Vector index choice; see <see cref="VectorSearchMode"/>.</summary>
    internal VectorSearchMode VectorSearch { get; init; } = VectorSearchMode.Auto;
    /// <summary>
    /// Largest catalog searched exactly in <see cref="VectorSearchMode.Auto"/>: a question's
    /// embedding is sparse, so exact search costs about one SIMD pass over the features per
    /// non-zero dimension, which beats an HNSW walk until catalogs reach tens of thousands of features.
    /// </summary>
    public int ExactSearchLimit { get; init; } = 20_000;
    /// <summary>Exact facts shared by more features than this add no boost (they identify nothing).</summary>
    public int MaxSharedBoost { get; init; } = 40;

    /// <summary>
    /// HNSW settings for the feature index (used above <see cref="ExactSearchLimit"/>), chosen by
    /// the benchmarks' <c>hnsw-recall</c> mode: on the router's question vectors recall@10 is about
    /// 0.97 at 100,000 features and 0.99 at 10,000, and on dense 384-dimensional embeddings 1.0;
    /// efConstruction 64 builds 100,000 features in about a third less time than 100 for about
    /// 0.01 of recall. The sparse seeds are what carry the recall of the question vectors (see
    /// <see cref="Vectors.HnswIndex"/>).
    /// </summary>
    internal static Vectors.HnswOptions DefaultHnsw { get; } = new() { M = 16, EfConstruction = 64, EfSearch = 64, SparseSeeds = 16 };

    /// <summary>Every option as text (a router snapshot is keyed by it): the public ones as the record prints them, then the internal ones.</summary>
    internal string Fingerprint() => $"{this} VectorSearch = {VectorSearch}, Calibration = {Calibration}";

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming a bad option.</summary>
    public RouterOptions Validate()
    {
        if (Dimensions < 16) throw new ArgumentOutOfRangeException(nameof(Dimensions), Dimensions, "Dimensions must be at least 16.");
        if (VectorCandidates < 1) throw new ArgumentOutOfRangeException(nameof(VectorCandidates), VectorCandidates, "VectorCandidates must be at least 1.");
        if (Bm25Candidates < 1) throw new ArgumentOutOfRangeException(nameof(Bm25Candidates), Bm25Candidates, "Bm25Candidates must be at least 1.");
        if (SemanticCandidates < 1) throw new ArgumentOutOfRangeException(nameof(SemanticCandidates), SemanticCandidates, "SemanticCandidates must be at least 1.");
        if (ExactSearchLimit < 0) throw new ArgumentOutOfRangeException(nameof(ExactSearchLimit), ExactSearchLimit, "ExactSearchLimit must not be negative.");
        if (!Enum.IsDefined(VectorSearch)) throw new ArgumentOutOfRangeException(nameof(VectorSearch), VectorSearch, "Unknown VectorSearch mode.");
        if (TopK < 1) throw new ArgumentOutOfRangeException(nameof(TopK), TopK, "TopK must be at least 1.");
        if (Temperature <= 0) throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "Temperature must be positive.");
        if (StrongScore <= 0) throw new ArgumentOutOfRangeException(nameof(StrongScore), StrongScore, "StrongScore must be positive.");
        return this;
    }
}
