namespace Elex.Core.Vectors;

/// <summary>
/// A nearest-neighbour index over fixed-length vectors, ranked by cosine similarity.
/// Vectors get ids 0, 1, 2, ... in insertion order.
/// </summary>
internal interface IVectorIndex
{
    /// <summary>Length of every vector in the index.</summary>
    int Dimensions { get; }

    /// <summary>Number of vectors added so far.</summary>
    int Count { get; }

    /// <summary>
    /// Adds an L2-normalised copy of <paramref name="vector"/> and returns its id (the previous
    /// <see cref="Count"/>).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The vector does not have <see cref="Dimensions"/> components, is the zero vector, or contains NaN or infinity.
    /// </exception>
    int Add(ReadOnlySpan<float> vector);

    /// <summary>
    /// Finds the (approximately, for approximate indexes) <paramref name="k"/> most similar vectors
    /// and writes them best-first (highest similarity first; ties by lower id) into
    /// <paramref name="results"/>.
    /// </summary>
    /// <param name="query">The query; it need not be normalised.</param>
    /// <param name="k">How many neighbours to return; 0 returns nothing.</param>
    /// <param name="results">Destination; must hold at least <paramref name="k"/> items.</param>
    /// <returns>How many neighbours were written: <c>min(k, Count)</c> for an exact index, at most that for an approximate one.</returns>
    /// <exception cref="ArgumentException">
    /// The query has the wrong length, is the zero vector or contains NaN or infinity, or
    /// <paramref name="results"/> is shorter than <paramref name="k"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative.</exception>
    int Search(ReadOnlySpan<float> query, int k, Span<VectorNeighbor> results);
}
