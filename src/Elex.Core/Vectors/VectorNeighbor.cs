namespace Elex.Core.Vectors;

/// <summary>One search hit of an <see cref="IVectorIndex"/>.</summary>
/// <param name="Id">The id <see cref="IVectorIndex.Add"/> returned for the vector.</param>
/// <param name="Similarity">
/// Cosine similarity to the query, in [-1, 1] up to rounding. Vectors are stored L2-normalised,
/// so this is their dot product with the normalised query.
/// </param>
internal readonly record struct VectorNeighbor(int Id, float Similarity);
