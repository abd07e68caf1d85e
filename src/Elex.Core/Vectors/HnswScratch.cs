namespace Elex.Core.Vectors;

/// <summary>
/// Per-operation working memory of an <see cref="HnswIndex"/>: the visited markers, the candidate
/// and result heaps and small buffers. One instance is used by one thread at a time; the index
/// pools them so that searches do not allocate once warmed up.
/// </summary>
internal sealed class HnswScratch
{
    private int[] _visited = [];
    private int _epoch;

    /// <summary>Creates scratch space for vectors of <paramref name="dimensions"/> components and link lists of up to <paramref name="maxLinks"/> entries.</summary>
    public HnswScratch(int dimensions, int maxLinks, int ef)
    {
        Query = new float[dimensions];
        Candidates = new NeighborHeap(bestOnTop: true, ef + 1);
        Results = new NeighborHeap(bestOnTop: false, ef + 1);
        Sorted = new VectorNeighbor[ef];
        Selected = new VectorNeighbor[maxLinks + 1];
        PruneCandidates = new VectorNeighbor[maxLinks + 1];
        PruneSelected = new VectorNeighbor[maxLinks + 1];
    }

    /// <summary>The normalised query.</summary>
    public float[] Query { get; }

    /// <summary>Nodes still to expand, best on top.</summary>
    public NeighborHeap Candidates { get; }

    /// <summary>The best nodes found so far, worst on top.</summary>
    public NeighborHeap Results { get; }

    /// <summary>Layer search results, best-first (construction only).</summary>
    public VectorNeighbor[] Sorted { get; private set; }

    /// <summary>Neighbours chosen for a new node (construction only).</summary>
    public VectorNeighbor[] Selected { get; }

    /// <summary>A full link list plus the new link, while pruning (construction only).</summary>
    public VectorNeighbor[] PruneCandidates { get; }

    /// <summary>The links kept by pruning (construction only).</summary>
    public VectorNeighbor[] PruneSelected { get; }

    /// <summary>The visited markers: node <c>i</c> is visited in the current pass when <c>Visited[i] == epoch</c>.</summary>
    public int[] Visited => _visited;

    /// <summary>Makes room for node ids below <paramref name="nodeCapacity"/>.</summary>
    public void EnsureNodeCapacity(int nodeCapacity)
    {
        // A fresh array is all zeros and the epoch is never 0, so growing keeps the markers valid.
        if (_visited.Length < nodeCapacity) _visited = new int[nodeCapacity];
    }

    /// <summary>Makes <see cref="Sorted"/> hold at least <paramref name="length"/> items.</summary>
    public void EnsureSortedLength(int length)
    {
        if (Sorted.Length < length) Sorted = new VectorNeighbor[length];
    }

    /// <summary>Starts a new pass: every node becomes unvisited. Clears the markers only when the epoch wraps.</summary>
    public int NextEpoch()
    {
        if (_epoch == int.MaxValue)
        {
            Array.Clear(_visited);
            _epoch = 0;
        }
        return ++_epoch;
    }

    /// <summary>Test hook: sets the epoch, e.g. just below the wrap-around.</summary>
    internal void SetEpoch(int epoch) => _epoch = epoch;
}
