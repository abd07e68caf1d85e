using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Elex.Core.Vectors;

/// <summary>
/// A normalised query as the graph walk scores it against stored vectors: a dense SIMD dot
/// product, or — when few components are non-zero — a sum over the non-zero components alone.
/// </summary>
/// <remarks>
/// The router's question vectors have about eight non-zero components out of 512. Scoring them
/// densely reads a whole 2 KB row per visited node and multiplies zeros; the sparse sum reads the
/// handful of floats that matter, which is most of the search's time at 100,000 vectors.
/// </remarks>
internal readonly ref struct HnswQuery
{
    private readonly ReadOnlySpan<float> _dense;
    private readonly ReadOnlySpan<int> _indices;
    private readonly ReadOnlySpan<float> _values;

    /// <summary>A dense query.</summary>
    public HnswQuery(ReadOnlySpan<float> dense)
    {
        _dense = dense;
    }

    /// <summary>A sparse query: <paramref name="indices"/> and <paramref name="values"/> list the non-zero components of <paramref name="dense"/>.</summary>
    public HnswQuery(ReadOnlySpan<float> dense, ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        _dense = dense;
        _indices = indices;
        _values = values[..indices.Length];
    }

    /// <summary>The whole normalised query.</summary>
    public ReadOnlySpan<float> Dense => _dense;

    /// <summary>Whether similarities are summed over the non-zero components only.</summary>
    public bool IsSparse => !_indices.IsEmpty;

    /// <summary>The non-zero components' dimensions (empty for a dense query).</summary>
    public ReadOnlySpan<int> Indices => _indices;

    /// <summary>The non-zero components' values, matching <see cref="Indices"/>.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>Cosine similarity to stored (normalised) vector <paramref name="node"/> of <paramref name="vectors"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Similarity(float[] vectors, int node)
    {
        var dimensions = _dense.Length;
        if (_indices.IsEmpty) return RowDot.One(_dense, vectors, node * dimensions);

        // Indices come from the query itself (all below the dimension count) and the node is a
        // stored id, so the row reads stay in bounds without per-component checks.
        ref var row = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(vectors), (nint)node * dimensions);
        ref var index = ref MemoryMarshal.GetReference(_indices);
        ref var value = ref MemoryMarshal.GetReference(_values);
        var sum = 0f;
        for (var j = 0; j < _indices.Length; j++)
            sum += Unsafe.Add(ref value, j) * Unsafe.Add(ref row, Unsafe.Add(ref index, j));
        return sum;
    }

    /// <summary>Cosine similarities to stored vectors <paramref name="nodes"/>, into <paramref name="into"/>; dense rows are read four at a time.</summary>
    public void Similarities(float[] vectors, ReadOnlySpan<int> nodes, Span<float> into)
    {
        if (!_indices.IsEmpty)
        {
            for (var i = 0; i < nodes.Length; i++) into[i] = Similarity(vectors, nodes[i]);
            return;
        }
        var dimensions = _dense.Length;
        Span<float> four = stackalloc float[4];
        for (var i = 0; i < nodes.Length; i += 4)
        {
            // A short last group repeats its last row: the row is already being read, and each row's
            // sum is the same in any slot, so the result does not depend on the grouping.
            var last = nodes.Length - 1;
            RowDot.Four(_dense, vectors, nodes[i] * dimensions, nodes[Math.Min(i + 1, last)] * dimensions,
                nodes[Math.Min(i + 2, last)] * dimensions, nodes[Math.Min(i + 3, last)] * dimensions, four);
            four[..Math.Min(4, nodes.Length - i)].CopyTo(into[i..]);
        }
    }
}
