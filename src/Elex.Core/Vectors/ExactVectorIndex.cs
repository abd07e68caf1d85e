using System.Buffers;
using System.Numerics.Tensors;

namespace Elex.Core.Vectors;

/// <summary>
/// Brute-force <see cref="IVectorIndex"/>: every search scores every vector with
/// <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/> over one contiguous
/// array. Exact, so it is the ground truth for approximate indexes, and the better choice below a
/// few thousand vectors.
/// </summary>
/// <remarks>
/// <see cref="Search"/> may run concurrently from any number of threads and does not allocate
/// (queries above 256 dimensions rent their normalisation buffer from the shared array pool).
/// <see cref="Add"/> is single-writer and must not run concurrently with other calls.
/// </remarks>
internal sealed class ExactVectorIndex : IVectorIndex
{
    private const int StackQueryLimit = 256;
    private const int InitialCapacity = 16;

    private float[] _vectors = [];
    private int _capacity;

    /// <summary>Creates an empty index of <paramref name="dimensions"/>-component vectors.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is less than 1.</exception>
    public ExactVectorIndex(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        Dimensions = dimensions;
    }

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public int Add(ReadOnlySpan<float> vector)
    {
        VectorMath.CheckDimensions(vector.Length, Dimensions, "vector", nameof(vector));
        var id = Count;
        if (id == _capacity) Grow();
        VectorMath.Normalize(vector, _vectors.AsSpan(id * Dimensions, Dimensions), "vector", nameof(vector));
        Count = id + 1;
        return id;
    }

    /// <inheritdoc />
    public int Search(ReadOnlySpan<float> query, int k, Span<VectorNeighbor> results)
    {
        VectorMath.CheckDimensions(query.Length, Dimensions, "query", nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (results.Length < k)
            throw new ArgumentException($"The results buffer holds {results.Length} items but k is {k}.", nameof(results));

        float[]? rented = null;
        var q = Dimensions <= StackQueryLimit
            ? stackalloc float[StackQueryLimit]
            : (rented = ArrayPool<float>.Shared.Rent(Dimensions));
        q = q[..Dimensions];
        try
        {
            VectorMath.Normalize(query, q, "query", nameof(query));
            return TopK(q, Math.Min(k, Count), results);
        }
        finally
        {
            if (rented is not null) ArrayPool<float>.Shared.Return(rented);
        }
    }

    /// <summary>Selects the best <paramref name="k"/> with <paramref name="results"/> as a worst-on-top heap, then heap-sorts it best-first.</summary>
    private int TopK(ReadOnlySpan<float> q, int k, Span<VectorNeighbor> results)
    {
        if (k == 0) return 0;
        var vectors = _vectors;
        var dimensions = Dimensions;
        var count = Count;
        var heap = results[..k];
        var size = 0;
        for (var id = 0; id < count; id++)
        {
            var candidate = new VectorNeighbor(id, TensorPrimitives.Dot(q, new ReadOnlySpan<float>(vectors, id * dimensions, dimensions)));
            if (size < k)
            {
                heap[size] = candidate;
                NeighborHeap.SiftUpWorstOnTop(heap[..(size + 1)], size);
                size++;
            }
            else if (NeighborHeap.IsBetter(candidate, heap[0]))
            {
                heap[0] = candidate;
                NeighborHeap.SiftDownWorstOnTop(heap, 0);
            }
        }

        // In-place heap sort: moving the worst to the back leaves the span best-first.
        for (var end = size - 1; end > 0; end--)
        {
            (heap[0], heap[end]) = (heap[end], heap[0]);
            NeighborHeap.SiftDownWorstOnTop(heap[..end], 0);
        }
        return size;
    }

    private void Grow()
    {
        var limit = Array.MaxLength / Dimensions;
        if (_capacity >= limit)
            throw new InvalidOperationException($"The index is full: it holds at most {limit} vectors of {Dimensions} dimensions.");
        var capacity = (int)Math.Min(Math.Max((long)_capacity * 2, InitialCapacity), limit);
        Array.Resize(ref _vectors, capacity * Dimensions);
        _capacity = capacity;
    }
}
