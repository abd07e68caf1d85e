namespace Elex.Core.Vectors;

/// <summary>
/// Construction and search parameters of an <see cref="HnswIndex"/>. The defaults give
/// recall@10 of at least 0.99 on 20,000 isotropic Gaussian 64-dimensional vectors, a worst case
/// with no structure for the graph to exploit; real embeddings usually reach the same recall with
/// a much smaller <see cref="EfSearch"/>, so measure and lower it for speed.
/// </summary>
internal sealed record HnswOptions
{
    /// <summary>The largest accepted <see cref="M"/>; far beyond any useful setting.</summary>
    public const int MaxM = 4096;

    /// <summary>
    /// Links a node gets on each layer (M in the HNSW paper). Layer 0 keeps up to <c>2 * M</c>.
    /// Larger values raise recall and memory and slow construction. Default 16; must be at least 2.
    /// </summary>
    public int M { get; init; } = 16;

    /// <summary>
    /// Size of the candidate list while inserting (efConstruction). Larger values build a better
    /// graph, more slowly. Default 200; must be at least 1.
    /// </summary>
    public int EfConstruction { get; init; } = 200;

    /// <summary>
    /// Size of the candidate list while searching (ef); the effective value is never below the
    /// requested k. Search time grows roughly linearly with it. It can be changed later through
    /// <see cref="HnswIndex.EfSearch"/> or per call. Default 512 (what the worst case described on
    /// <see cref="HnswOptions"/> needs for recall@10 of 0.99); must be at least 1.
    /// </summary>
    public int EfSearch { get; init; } = 512;

    /// <summary>
    /// Entry points per non-zero query component for sparse queries (see <see cref="HnswIndex"/>):
    /// the index keeps, for each dimension and sign, this many stored vectors strongest there, and
    /// a sparse query's search starts from those of its components as well as from the graph's
    /// entry point. 0 turns it off. Default 16; at most <see cref="MaxSparseSeeds"/>.
    /// </summary>
    public int SparseSeeds { get; init; } = 16;

    /// <summary>The largest accepted <see cref="SparseSeeds"/>.</summary>
    public const int MaxSparseSeeds = 1024;

    /// <summary>Seed of the level generator: the same seed and insertion order build the same graph. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (M is < 2 or > MaxM)
            throw new ArgumentOutOfRangeException(nameof(M), M, $"HnswOptions.M must be between 2 and {MaxM}.");
        if (EfConstruction < 1)
            throw new ArgumentOutOfRangeException(nameof(EfConstruction), EfConstruction, "HnswOptions.EfConstruction must be at least 1.");
        if (EfSearch < 1)
            throw new ArgumentOutOfRangeException(nameof(EfSearch), EfSearch, "HnswOptions.EfSearch must be at least 1.");
        if (SparseSeeds is < 0 or > MaxSparseSeeds)
            throw new ArgumentOutOfRangeException(nameof(SparseSeeds), SparseSeeds, $"HnswOptions.SparseSeeds must be between 0 and {MaxSparseSeeds}.");
    }
}
