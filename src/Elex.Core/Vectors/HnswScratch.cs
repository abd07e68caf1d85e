namespace Elex.Core.Vectors;

/// <summary>
/// Per-operation working memory of an <see cref="HnswIndex"/>: the visited markers, the candidate
/// and result heaps and small buffers. One instance is used by one thread at a time; the index
/// pools them so that searches do not allocate once warmed up.
/// </summary>
internal sealed class HnswScratch
{
    private int _epoch;

    /// <summary>
    /// Creates scratch space for vectors of <paramref name="dimensions"/> components, link lists of
    /// up to <paramref name="maxLinks"/> entries, candidate lists of about <paramref name="ef"/>
    /// (the heaps grow when a larger ef is used) and up to <paramref name="seeds"/> seeds of a sparse query.
    /// </summary>
    public HnswScratch(int dimensions, int maxLinks, int ef, int seeds = 0)
    {
        Query = new float[dimensions];
        SparseIndices = new int[dimensions];
        SparseValues = new float[dimensions];
        Seeds = new int[seeds];
        Batch = new int[maxLinks];
        BatchSimilarities = new float[maxLinks];
        Candidates = new NeighborHeap(bestOnTop: true, ef + 1);
        Results = new NeighborHeap(bestOnTop: false, ef + 1);
        SelectedIds = new int[maxLinks + 1];
        SelectedSimilarities = new float[maxLinks + 1];
        PruneIds = new int[maxLinks + 1];
        PruneSimilarities = new float[maxLinks + 1];
        KeptIds = new int[maxLinks + 1];
        KeptSimilarities = new float[maxLinks + 1];
    }

    /// <summary>The normalised query.</summary>
    public float[] Query { get; }

    /// <summary>Dimensions of the query's non-zero components, when it is sparse.</summary>
    public int[] SparseIndices { get; }

    /// <summary>Values of the query's non-zero components, matching <see cref="SparseIndices"/>.</summary>
    public float[] SparseValues { get; }

    /// <summary>Entry points of a sparse query's layer-0 search.</summary>
    public int[] Seeds { get; }

    /// <summary>The unvisited neighbours of the node being expanded.</summary>
    public int[] Batch { get; }

    /// <summary>Their similarities to the query, matching <see cref="Batch"/>.</summary>
    public float[] BatchSimilarities { get; }

    /// <summary>Nodes still to expand, best on top.</summary>
    public NeighborHeap Candidates { get; }

    /// <summary>The best nodes found so far, worst on top.</summary>
    public NeighborHeap Results { get; }

    /// <summary>Ids of a layer search's results, best-first (construction only).</summary>
    public int[] SortedIds { get; private set; } = [];

    /// <summary>Similarities matching <see cref="SortedIds"/>.</summary>
    public float[] SortedSimilarities { get; private set; } = [];

    /// <summary>Ids of the neighbours chosen for a new node (construction only).</summary>
    public int[] SelectedIds { get; }

    /// <summary>Similarities matching <see cref="SelectedIds"/>.</summary>
    public float[] SelectedSimilarities { get; }

    /// <summary>Ids of a full link list plus the new link, while pruning (construction only).</summary>
    public int[] PruneIds { get; }

    /// <summary>Similarities matching <see cref="PruneIds"/>.</summary>
    public float[] PruneSimilarities { get; }

    /// <summary>Ids of the links kept by pruning (construction only).</summary>
    public int[] KeptIds { get; }

    /// <summary>Similarities matching <see cref="KeptIds"/>.</summary>
    public float[] KeptSimilarities { get; }

    /// <summary>The visited markers: node <c>i</c> is visited in the current pass when <c>Visited[i] == epoch</c>.</summary>
    public int[] Visited { get; private set; } = [];

    /// <summary>The current epoch (0 before the first pass).</summary>
    public int Epoch => _epoch;

    /// <summary>Makes room for node ids below <paramref name="nodeCapacity"/>.</summary>
    public void EnsureNodeCapacity(int nodeCapacity)
    {
        // A fresh array is all zeros and an epoch is never 0, so growing keeps the markers valid.
        if (Visited.Length < nodeCapacity) Visited = new int[nodeCapacity];
    }

    /// <summary>Makes the sorted buffers hold at least <paramref name="length"/> items, keeping what they hold.</summary>
    public void EnsureSortedLength(int length)
    {
        if (SortedIds.Length >= length) return;
        var ids = SortedIds;
        var similarities = SortedSimilarities;
        Array.Resize(ref ids, length);
        Array.Resize(ref similarities, length);
        SortedIds = ids;
        SortedSimilarities = similarities;
    }

    /// <summary>Starts a new pass in which every node is unvisited. Clears the markers only when the epoch wraps around.</summary>
    public int NextEpoch()
    {
        if (_epoch == int.MaxValue)
        {
            Array.Clear(Visited);
            _epoch = 0;
        }
        return ++_epoch;
    }

    /// <summary>Test hook: sets the epoch, e.g. just below the wrap-around.</summary>
    internal void SetEpoch(int epoch) => _epoch = epoch;
}
