using System.Numerics.Tensors;

namespace Elex.Core.Vectors;

/// <summary>Argument checks and normalisation shared by the vector indexes.</summary>
internal static class VectorMath
{
    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="actual"/> differs from <paramref name="expected"/>.</summary>
    public static void CheckDimensions(int actual, int expected, string what, string paramName)
    {
        if (actual != expected)
            throw new ArgumentException(
                $"The {what} has {actual} dimensions but the index holds {expected}-dimensional vectors.", paramName);
    }

    /// <summary>
    /// Writes the L2-normalised <paramref name="source"/> into <paramref name="destination"/> (same
    /// length; may be the same memory). Vectors whose squared norm over- or underflows float are
    /// rescaled first, so any finite non-zero vector normalises.
    /// </summary>
    /// <exception cref="ArgumentException">The vector is all zeros or has a NaN or infinite component.</exception>
    public static void Normalize(ReadOnlySpan<float> source, Span<float> destination, string what, string paramName)
    {
        var norm = TensorPrimitives.Norm(source);
        if (norm > 0f && float.IsFinite(norm))
        {
            TensorPrimitives.Divide(source, norm, destination);
            return;
        }

        for (var i = 0; i < source.Length; i++)
        {
            if (!float.IsFinite(source[i]))
                throw new ArgumentException($"The {what} has a NaN or infinite component at index {i}.", paramName);
        }

        var largest = source.IsEmpty ? 0f : MathF.Abs(TensorPrimitives.MaxMagnitude(source));
        if (largest == 0f)
            throw new ArgumentException($"The {what} is the zero vector; cosine similarity is undefined for it.", paramName);

        TensorPrimitives.Divide(source, largest, destination);
        TensorPrimitives.Divide(destination, TensorPrimitives.Norm(destination), destination);
    }
}
