namespace Elex.Core.Vectors;

/// <summary>Conveniences over <see cref="IVectorIndex"/>.</summary>
internal static class VectorIndexExtensions
{
    /// <summary>
    /// Searches for the <paramref name="k"/> most similar vectors and returns them best-first in a
    /// new list (allocates; use <see cref="IVectorIndex.Search"/> with a reused buffer on hot paths).
    /// </summary>
    /// <exception cref="ArgumentException">The query has the wrong length, is the zero vector or contains NaN or infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative.</exception>
    public static IReadOnlyList<VectorNeighbor> Search(this IVectorIndex index, ReadOnlySpan<float> query, int k)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var buffer = new VectorNeighbor[Math.Min(k, index.Count)];
        var written = index.Search(query, buffer.Length, buffer);
        if (written < buffer.Length) Array.Resize(ref buffer, written);
        return buffer;
    }
}
