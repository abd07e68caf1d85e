namespace Elex.Core.Vectors;

/// <summary>
/// A growable binary heap of <see cref="VectorNeighbor"/>, with either the best (highest
/// similarity) or the worst item on top. Ties in similarity are broken by id (lower id is better),
/// so every ordering in the indexes is total and results are deterministic. The static span
/// helpers let callers heapify memory they own.
/// </summary>
internal sealed class NeighborHeap
{
    private readonly bool _bestOnTop;
    private VectorNeighbor[] _items;

    /// <summary>Creates an empty heap.</summary>
    /// <param name="bestOnTop">True for a max-heap on similarity (candidates), false for a min-heap (results).</param>
    /// <param name="capacity">Initial capacity; the heap grows by doubling.</param>
    public NeighborHeap(bool bestOnTop, int capacity = 16)
    {
        _bestOnTop = bestOnTop;
        _items = new VectorNeighbor[Math.Max(capacity, 4)];
    }

    /// <summary>Number of items.</summary>
    public int Count { get; private set; }

    /// <summary>The top item; the heap must not be empty.</summary>
    public VectorNeighbor Top => _items[0];

    /// <summary>Removes every item (keeps the storage).</summary>
    public void Clear() => Count = 0;

    /// <summary>Adds an item.</summary>
    public void Push(VectorNeighbor item)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count] = item;
        Count++;
        SiftUp(_items.AsSpan(0, Count), Count - 1, _bestOnTop);
    }

    /// <summary>Removes and returns the top item; the heap must not be empty.</summary>
    public VectorNeighbor Pop()
    {
        var top = _items[0];
        var last = --Count;
        if (last > 0)
        {
            _items[0] = _items[last];
            SiftDown(_items.AsSpan(0, last), 0, _bestOnTop);
        }
        return top;
    }

    /// <summary>Replaces the top item with <paramref name="item"/> (one sift instead of pop + push); the heap must not be empty.</summary>
    public void ReplaceTop(VectorNeighbor item)
    {
        _items[0] = item;
        SiftDown(_items.AsSpan(0, Count), 0, _bestOnTop);
    }

    /// <summary>True when <paramref name="a"/> ranks before <paramref name="b"/>: higher similarity, then lower id.</summary>
    public static bool IsBetter(VectorNeighbor a, VectorNeighbor b) =>
        a.Similarity > b.Similarity || (a.Similarity == b.Similarity && a.Id < b.Id);

    /// <summary>Comparison for sorting best-first.</summary>
    public static int CompareBestFirst(VectorNeighbor a, VectorNeighbor b) =>
        IsBetter(a, b) ? -1 : IsBetter(b, a) ? 1 : 0;

    /// <summary>Restores the heap property after <paramref name="heap"/>[<paramref name="index"/>] was written.</summary>
    public static void SiftUp(Span<VectorNeighbor> heap, int index, bool bestOnTop)
    {
        var item = heap[index];
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!Above(item, heap[parent], bestOnTop)) break;
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = item;
    }

    /// <summary>Restores the heap property below <paramref name="index"/> after it was overwritten.</summary>
    public static void SiftDown(Span<VectorNeighbor> heap, int index, bool bestOnTop)
    {
        var item = heap[index];
        var count = heap.Length;
        while (true)
        {
            var child = (index << 1) + 1;
            if (child >= count) break;
            if (child + 1 < count && Above(heap[child + 1], heap[child], bestOnTop)) child++;
            if (!Above(heap[child], item, bestOnTop)) break;
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = item;
    }

    private static bool Above(VectorNeighbor a, VectorNeighbor b, bool bestOnTop) =>
        bestOnTop ? IsBetter(a, b) : IsBetter(b, a);
}
