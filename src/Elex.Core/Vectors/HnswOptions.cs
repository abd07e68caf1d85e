namespace Elex.Core.Vectors;

/// <summary>
/// Construction and search parameters of an <see cref="HnswIndex"/>. The defaults give
/// recall@10 above 0.99 on hard (isotropic Gaussian, 64-dimensional) data of tens of thousands of
/// vectors; real embeddings, which have far more structure, usually need less.
/// </summary>
public sealed record HnswOptions
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
    /// requested k. It can be changed later through <see cref="HnswIndex.EfSearch"/>.
    /// Default 128; must be at least 1.
    /// </summary>
    public int EfSearch { get; init; } = 128;

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
    }
}
