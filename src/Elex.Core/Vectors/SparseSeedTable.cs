namespace Elex.Core.Vectors;

/// <summary>
/// Entry points for sparse queries: for every dimension and sign, the few stored vectors whose
/// normalised component is largest in that direction. A query with a handful of non-zero
/// dimensions (the router's hashed-term question vectors) is similar only to vectors that are
/// strong in those dimensions, and those are scattered over the graph — a feature that shares one
/// rare term with the question need not be near the others that share it. Starting the search
/// from them instead of from the single top-layer entry point is what keeps recall for such queries.
/// </summary>
/// <remarks>Single writer (<see cref="Offer"/>), concurrent readers once the writer is done, like the index.</remarks>
internal sealed class SparseSeedTable
{
    private readonly int _perList;
    private readonly int[] _ids;
    private readonly float[] _magnitudes;
    private readonly int[] _counts;

    /// <summary>Creates an empty table keeping <paramref name="perList"/> vectors per dimension and sign.</summary>
    public SparseSeedTable(int dimensions, int perList)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perList, 1);
        _perList = perList;
        _ids = new int[dimensions * 2 * perList];
        _magnitudes = new float[_ids.Length];
        _counts = new int[dimensions * 2];
    }

    /// <summary>How many vectors each dimension and sign keeps.</summary>
    public int PerList => _perList;

    /// <summary>Considers stored vector <paramref name="id"/> for the lists of its non-zero dimensions.</summary>
    /// <remarks>Offer ids in ascending order: among equal components the first offered stays ahead, so the table is deterministic.</remarks>
    public void Offer(int id, ReadOnlySpan<float> vector)
    {
        for (var d = 0; d < vector.Length; d++)
        {
            var v = vector[d];
            if (v != 0f) Insert(2 * d + (v < 0f ? 1 : 0), id, MathF.Abs(v));
        }
    }

    /// <summary>
    /// Writes the seeds of a sparse query: for each of its non-zero dimensions, up to
    /// <paramref name="perDimension"/> vectors strongest in the query's direction there, strongest
    /// first. A vector may appear under several dimensions; the search skips repeats.
    /// </summary>
    /// <returns>How many ids were written.</returns>
    public int Collect(ReadOnlySpan<int> dimensions, ReadOnlySpan<float> values, int perDimension, Span<int> destination)
    {
        var written = 0;
        for (var j = 0; j < dimensions.Length; j++)
        {
            var list = 2 * dimensions[j] + (values[j] < 0f ? 1 : 0);
            var take = Math.Min(perDimension, _counts[list]);
            _ids.AsSpan(list * _perList, take).CopyTo(destination[written..]);
            written += take;
        }
        return written;
    }

    private void Insert(int list, int id, float magnitude)
    {
        var start = list * _perList;
        var count = _counts[list];
        if (count == _perList && magnitude <= _magnitudes[start + count - 1]) return;
        var at = count < _perList ? count++ : _perList - 1;
        while (at > 0 && _magnitudes[start + at - 1] < magnitude)
        {
            _ids[start + at] = _ids[start + at - 1];
            _magnitudes[start + at] = _magnitudes[start + at - 1];
            at--;
        }
        _ids[start + at] = id;
        _magnitudes[start + at] = magnitude;
        _counts[list] = count;
    }
}
