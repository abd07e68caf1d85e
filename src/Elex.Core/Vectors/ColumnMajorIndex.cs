using System.Numerics.Tensors;

namespace Elex.Core.Vectors;

/// <summary>
/// Exact cosine search laid out for sparse queries: vectors are stored dimension-major, so a
/// query touches only the columns where it is non-zero, each one a SIMD multiply-add over all
/// stored vectors. Text embeddings of questions have a few dozen non-zero dimensions, which makes
/// exact search over a few thousand vectors cheaper than any graph walk, with recall 1.
/// Vectors are added during a build phase and frozen on first search.
/// </summary>
internal sealed class ColumnMajorIndex : IVectorIndex
{
    private readonly List<float[]> _pending = [];
    private float[] _columns = [];
    private int _frozenCount = -1;
    private readonly Lock _freezeGate = new();

    /// <summary>Creates an empty index for vectors of <paramref name="dimensions"/>.</summary>
    public ColumnMajorIndex(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        Dimensions = dimensions;
    }

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <inheritdoc />
    public int Count => _pending.Count;

    /// <inheritdoc />
    public int Add(ReadOnlySpan<float> vector)
    {
        VectorMath.CheckDimensions(vector.Length, Dimensions, "vector", nameof(vector));
        if (Volatile.Read(ref _frozenCount) >= 0) throw new InvalidOperationException("The index is frozen: vectors are added before the first search.");
        var copy = new float[Dimensions];
        VectorMath.Normalize(vector, copy, "vector", nameof(vector));
        _pending.Add(copy);
        return _pending.Count - 1;
    }

    /// <inheritdoc />
    [System.Runtime.CompilerServices.SkipLocalsInit] // the scores are cleared below
    public int Search(ReadOnlySpan<float> query, int k, Span<VectorNeighbor> results)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (results.Length < k) throw new ArgumentException($"The results buffer holds {results.Length} items but k is {k}.", nameof(results));
        var n = Freeze();
        VectorMath.CheckDimensions(query.Length, Dimensions, "query", nameof(query));
        if (k == 0 || n == 0) return 0;
        var scores = n <= 4096 ? stackalloc float[n] : new float[n];
        ScoreAll(query, scores);
        return TopSelection.Select(scores, k, results);
    }

    /// <summary>
    /// The cosine similarity of <paramref name="query"/> to every stored vector, by id, into
    /// <paramref name="scores"/> (which holds <see cref="Count"/> items): a caller that needs the
    /// similarity of more than the top k reads them here instead of computing each again.
    /// </summary>
    public void ScoreAll(ReadOnlySpan<float> query, Span<float> scores)
    {
        VectorMath.CheckDimensions(query.Length, Dimensions, "query", nameof(query));
        var n = Freeze();
        if (scores.Length != n) throw new ArgumentException($"The scores buffer holds {scores.Length} items but the index {n} vectors.", nameof(scores));
        var norm = TensorPrimitives.Norm(query);
        if (norm <= 0) throw new ArgumentException("The query is the zero vector; cosine similarity is undefined for it.", nameof(query));
        scores.Clear();
        for (var d = 0; d < Dimensions; d++)
        {
            var weight = query[d];
            if (weight == 0) continue;
            var column = _columns.AsSpan(d * n, n);
            TensorPrimitives.MultiplyAdd(column, weight / norm, scores, scores);
        }
    }

    private int Freeze()
    {
        var frozen = Volatile.Read(ref _frozenCount);
        if (frozen >= 0) return frozen;
        lock (_freezeGate)
        {
            if (_frozenCount >= 0) return _frozenCount;
            var n = _pending.Count;
            var columns = new float[Dimensions * n];
            for (var id = 0; id < n; id++)
            {
                var v = _pending[id];
                for (var d = 0; d < Dimensions; d++) columns[d * n + id] = v[d];
            }
            _columns = columns;
            Volatile.Write(ref _frozenCount, n);
            return n;
        }
    }
}
