namespace Elex.Core.Vectors;

/// <summary>
/// A growable binary heap of (id, similarity) pairs with either the best (highest similarity) or
/// the worst pair on top. Ties in similarity are broken by id (the lower id ranks better), so every
/// ordering in the indexes is total and results are deterministic. Ids and similarities live in
/// parallel arrays and comparisons are written out in place, which keeps the heap cheap even in
/// unoptimised (Debug) builds. The static span helpers heapify memory owned by the caller.
/// </summary>
internal sealed class NeighborHeap
{
    private readonly bool _bestOnTop;
    private int[] _ids;
    private float[] _similarities;

    /// <summary>Creates an empty heap.</summary>
    /// <param name="bestOnTop">True for a max-heap on similarity (candidates), false for a min-heap (results).</param>
    /// <param name="capacity">Initial capacity; the heap grows by doubling.</param>
    public NeighborHeap(bool bestOnTop, int capacity = 16)
    {
        _bestOnTop = bestOnTop;
        capacity = Math.Max(capacity, 4);
        _ids = new int[capacity];
        _similarities = new float[capacity];
    }

    /// <summary>Number of pairs.</summary>
    public int Count { get; private set; }

    /// <summary>Similarity of the top pair; the heap must not be empty.</summary>
    public float TopSimilarity => _similarities[0];

    /// <summary>Removes every pair (keeps the storage).</summary>
    public void Clear() => Count = 0;

    /// <summary>Adds a pair.</summary>
    public void Push(int id, float similarity)
    {
        var index = Count;
        if (index == _ids.Length)
        {
            Array.Resize(ref _ids, index * 2);
            Array.Resize(ref _similarities, index * 2);
        }
        Count = index + 1;

        var ids = _ids;
        var sims = _similarities;
        var best = _bestOnTop;
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            var ps = sims[parent];
            var pi = ids[parent];
            var above = best
                ? similarity > ps || (similarity == ps && id < pi)
                : similarity < ps || (similarity == ps && id > pi);
            if (!above) break;
            ids[index] = pi;
            sims[index] = ps;
            index = parent;
        }
        ids[index] = id;
        sims[index] = similarity;
    }

    /// <summary>Removes the top pair and returns its id; the heap must not be empty.</summary>
    public int Pop() => Pop(out _);

    /// <summary>Removes the top pair, returning its id and similarity; the heap must not be empty.</summary>
    public int Pop(out float similarity)
    {
        var id = _ids[0];
        similarity = _similarities[0];
        var last = --Count;
        if (last > 0) SiftDown(_ids[last], _similarities[last], last);
        return id;
    }

    /// <summary>Replaces the top pair (one sift instead of a pop and a push); the heap must not be empty.</summary>
    public void ReplaceTop(int id, float similarity) => SiftDown(id, similarity, Count);

    /// <summary>Places (id, similarity) at the root of the first <paramref name="count"/> slots and sifts it down.</summary>
    private void SiftDown(int id, float similarity, int count)
    {
        var ids = _ids;
        var sims = _similarities;
        var best = _bestOnTop;
        var index = 0;
        while (true)
        {
            var child = (index << 1) + 1;
            if (child >= count) break;
            var cs = sims[child];
            var ci = ids[child];
            var right = child + 1;
            if (right < count)
            {
                var rs = sims[right];
                var ri = ids[right];
                var rightAbove = best
                    ? rs > cs || (rs == cs && ri < ci)
                    : rs < cs || (rs == cs && ri > ci);
                if (rightAbove)
                {
                    child = right;
                    cs = rs;
                    ci = ri;
                }
            }
            var childAbove = best
                ? cs > similarity || (cs == similarity && ci < id)
                : cs < similarity || (cs == similarity && ci > id);
            if (!childAbove) break;
            ids[index] = ci;
            sims[index] = cs;
            index = child;
        }
        ids[index] = id;
        sims[index] = similarity;
    }

    /// <summary>True when <paramref name="a"/> ranks before <paramref name="b"/>: higher similarity, then lower id.</summary>
    public static bool IsBetter(VectorNeighbor a, VectorNeighbor b) =>
        a.Similarity > b.Similarity || (a.Similarity == b.Similarity && a.Id < b.Id);

    /// <summary>Restores the worst-on-top heap property after <paramref name="heap"/>[<paramref name="index"/>] was written.</summary>
    public static void SiftUpWorstOnTop(Span<VectorNeighbor> heap, int index)
    {
        var item = heap[index];
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!IsBetter(heap[parent], item)) break;
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = item;
    }

    /// <summary>Restores the worst-on-top heap property below <paramref name="index"/> after it was overwritten.</summary>
    public static void SiftDownWorstOnTop(Span<VectorNeighbor> heap, int index)
    {
        var item = heap[index];
        var count = heap.Length;
        while (true)
        {
            var child = (index << 1) + 1;
            if (child >= count) break;
            if (child + 1 < count && IsBetter(heap[child], heap[child + 1])) child++;
            if (!IsBetter(item, heap[child])) break;
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = item;
    }
}
