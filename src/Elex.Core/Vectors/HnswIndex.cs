namespace Elex.Core.Vectors;

/// <summary>
/// Approximate nearest-neighbour index over cosine similarity: a Hierarchical Navigable Small
/// World graph (Malkov and Yashunin, "Efficient and robust approximate nearest neighbor search
/// using Hierarchical Navigable Small World graphs", 2016/2018).
/// </summary>
/// <remarks>
/// <para>
/// Each vector is stored L2-normalised in one contiguous array, so similarity is a dot product
/// (<see cref="RowDot"/>, which scores a node's neighbours four rows at a time). A node is placed on
/// layers 0..L with L drawn from an exponential distribution (seeded, so builds are
/// deterministic). It is linked on each layer to up to <see cref="HnswOptions.M"/> neighbours
/// chosen by the paper's neighbour-selection heuristic (algorithm 4), and the reverse links are
/// pruned with the same heuristic to M (2M on layer 0).
/// </para>
/// <para>
/// Sparse queries (at most one component in <see cref="SparseQueryDivisor"/> non-zero, as the
/// router's hashed-term question vectors are) are scored over their non-zero components only, and
/// their layer-0 search also starts from the stored vectors strongest in those components
/// (<see cref="SparseSeedTable"/>, <see cref="HnswOptions.SparseSeeds"/>): the graph links vectors
/// that are similar as wholes, while such a query's nearest share a few components and are
/// scattered over the graph, so the single top-layer entry point alone finds only some of them.
/// </para>
/// <para>
/// <see cref="AddRange"/> inserts in batches whose graph searches run on several threads against
/// the graph as it was before the batch (earlier members of the batch join as explicit candidates);
/// links are then applied in id order. The graph therefore depends on the vectors, their order,
/// the seed and the calls, not on the number of threads.
/// </para>
/// <para>
/// Thread safety: <see cref="Search(ReadOnlySpan{float}, int, Span{VectorNeighbor})"/> may run
/// concurrently from any number of threads; each call rents pooled scratch space, so searches do
/// not allocate once warmed up. <see cref="Add"/> and <see cref="AddRange"/> are single-writer and
/// are <b>not</b> safe to run concurrently with other writes or searches: build the index first,
/// then search it (publishing it to other threads through any ordinary synchronisation, such as
/// starting a task, a lock or a volatile write).
/// </para>
/// </remarks>
internal sealed partial class HnswIndex : IVectorIndex
{
    private const int InitialCapacity = 16;

    /// <summary>
    /// A query with at most Dimensions / 8 non-zero components is scored sparsely and seeded: below
    /// that, summing the few products beats the SIMD dot product over the whole row.
    /// </summary>
    internal const int SparseQueryDivisor = 8;

    // Seeds cost one scored node each; this many per unit of ef keeps them a bounded share of a search.
    private const int SeedsPerEf = 4;

    private readonly int _m;
    private readonly int _m0;
    private readonly int _stride0;
    private readonly int _strideUpper;
    private readonly int _efConstruction;
    private readonly double _levelMultiplier;
    private readonly Random _levelRandom;
    private readonly HnswScratch?[] _scratchPool;
    private readonly SparseSeedTable? _seeds;
    private int _efSearch;

    private float[] _vectors = [];
    private int[] _levels = [];
    private int[] _links0 = [];
    private int[]?[] _upperLinks = [];
    private int _capacity;
    private int _entryPoint = -1;
    private int _maxLevel = -1;

    /// <summary>Creates an empty index of <paramref name="dimensions"/>-component vectors.</summary>
    /// <param name="dimensions">Length of every vector; at least 1.</param>
    /// <param name="options">Graph parameters; <see langword="null"/> uses the defaults of <see cref="HnswOptions"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is less than 1, or an option is out of range.</exception>
    public HnswIndex(int dimensions, HnswOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        options ??= new HnswOptions();
        options.Validate();

        Dimensions = dimensions;
        Options = options;
        _m = options.M;
        _m0 = 2 * options.M;
        _stride0 = _m0 + 1;
        _strideUpper = _m + 1;
        _efConstruction = options.EfConstruction;
        _efSearch = options.EfSearch;
        _levelMultiplier = 1.0 / Math.Log(options.M);
        _levelRandom = new Random(options.Seed);
        _scratchPool = new HnswScratch?[Math.Clamp(Environment.ProcessorCount * 2, 4, 64)];
        _seeds = options.SparseSeeds > 0 ? new SparseSeedTable(dimensions, options.SparseSeeds) : null;
    }

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <summary>The options the index was built with (<see cref="EfSearch"/> may since have changed).</summary>
    public HnswOptions Options { get; }

    /// <summary>
    /// Candidate-list size of searches that do not pass their own ef: higher is slower and more
    /// accurate. Starts at <see cref="HnswOptions.EfSearch"/>; may be changed at any time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int EfSearch
    {
        get => Volatile.Read(ref _efSearch);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref _efSearch, value);
        }
    }

    /// <summary>The top layer of the graph; -1 while empty.</summary>
    internal int MaxLevel => _maxLevel;

    /// <summary>The node searches start from; -1 while empty.</summary>
    internal int EntryPoint => _entryPoint;

    /// <summary>The top layer of node <paramref name="id"/>.</summary>
    internal int LevelOf(int id) => _levels[id];

    /// <summary>The links of node <paramref name="id"/> on layer <paramref name="level"/> (a copy-free view).</summary>
    internal ReadOnlySpan<int> NeighborsOf(int id, int level)
    {
        var links = Links(id, level);
        return links.Slice(1, links[0]);
    }

    /// <summary>Pooled scratch space, exposed so tests can force an epoch wrap-around.</summary>
    internal HnswScratch RentScratchForTest() => RentScratch();

    /// <summary>Returns scratch space rented with <see cref="RentScratchForTest"/>.</summary>
    internal void ReturnScratchForTest(HnswScratch scratch) => ReturnScratch(scratch);

    /// <inheritdoc />
    /// <remarks>Not thread-safe: see the class remarks.</remarks>
    public int Add(ReadOnlySpan<float> vector)
    {
        VectorMath.CheckDimensions(vector.Length, Dimensions, "vector", nameof(vector));
        var id = Count;
        Store(vector, id, 1, nameof(vector));
        InsertBatch(id, 1, maxDegreeOfParallelism: 1);
        return id;
    }

    /// <inheritdoc />
    /// <remarks>Uses <see cref="EfSearch"/> (raised to <paramref name="k"/> when smaller). Thread-safe against other searches.</remarks>
    public int Search(ReadOnlySpan<float> query, int k, Span<VectorNeighbor> results) =>
        Search(query, k, results, EfSearch);

    /// <summary>
    /// Like <see cref="Search(ReadOnlySpan{float}, int, Span{VectorNeighbor})"/> with an explicit
    /// candidate-list size for this call (raised to <paramref name="k"/> when smaller).
    /// </summary>
    /// <param name="query">The query; it need not be normalised.</param>
    /// <param name="k">How many neighbours to return; 0 returns nothing.</param>
    /// <param name="results">Destination; must hold at least <paramref name="k"/> items.</param>
    /// <param name="ef">Candidate-list size; at least 1.</param>
    /// <returns>How many neighbours were written, at most <c>min(k, Count)</c>.</returns>
    /// <exception cref="ArgumentException">
    /// The query has the wrong length, is the zero vector or contains NaN or infinity, or
    /// <paramref name="results"/> is shorter than <paramref name="k"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative or <paramref name="ef"/> is less than 1.</exception>
    public int Search(ReadOnlySpan<float> query, int k, Span<VectorNeighbor> results, int ef)
    {
        VectorMath.CheckDimensions(query.Length, Dimensions, "query", nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfLessThan(ef, 1);
        if (results.Length < k)
            throw new ArgumentException($"The results buffer holds {results.Length} items but k is {k}.", nameof(results));

        var scratch = RentScratch();
        try
        {
            var dense = scratch.Query.AsSpan();
            VectorMath.Normalize(query, dense, "query", nameof(query));
            if (k == 0 || _entryPoint < 0) return 0;
            ef = Math.Max(ef, k);

            var q = Sparsify(dense, scratch);
            var current = _entryPoint;
            var currentSimilarity = q.Similarity(_vectors, current);
            for (var layer = _maxLevel; layer > 0; layer--)
                current = GreedyClosest(q, current, ref currentSimilarity, layer, scratch);

            var seeds = 0;
            if (q.IsSparse && _seeds is not null)
            {
                var perDimension = (int)Math.Clamp(SeedsPerEf * (long)ef / q.Indices.Length, 1, _seeds.PerList);
                seeds = _seeds.Collect(q.Indices, q.Values, perDimension, scratch.Seeds);
            }
            SearchLayer(q, current, currentSimilarity, scratch.Seeds.AsSpan(0, seeds), ef, 0, scratch);
            var heap = scratch.Results;
            while (heap.Count > k) heap.Pop();
            var written = heap.Count;
            for (var i = written - 1; i >= 0; i--)
            {
                var id = heap.Pop(out var similarity);
                results[i] = new VectorNeighbor(id, similarity);
            }
            return written;
        }
        finally
        {
            ReturnScratch(scratch);
        }
    }

    /// <summary>The query as the walk scores it: its non-zero components when there are few enough, else dense.</summary>
    private HnswQuery Sparsify(ReadOnlySpan<float> dense, HnswScratch scratch)
    {
        var indices = scratch.SparseIndices;
        var values = scratch.SparseValues;
        var limit = Dimensions / SparseQueryDivisor;
        var count = 0;
        for (var d = 0; d < dense.Length; d++)
        {
            if (dense[d] == 0f) continue;
            if (count == limit) return new HnswQuery(dense);
            indices[count] = d;
            values[count++] = dense[d];
        }
        return count == 0 ? new HnswQuery(dense) : new HnswQuery(dense, indices.AsSpan(0, count), values.AsSpan(0, count));
    }

    /// <summary>The link block of a node on a layer: element 0 is the count, then the neighbour ids.</summary>
    private Span<int> Links(int node, int layer) => layer == 0
        ? _links0.AsSpan(node * _stride0, _stride0)
        : _upperLinks[node].AsSpan((layer - 1) * _strideUpper, _strideUpper);

    /// <summary>Draws a node's top layer: floor(-ln(U) / ln(M)), U uniform in (0, 1].</summary>
    private int DrawLevel() => (int)(-Math.Log(1.0 - _levelRandom.NextDouble()) * _levelMultiplier);

    private HnswScratch RentScratch()
    {
        var pool = _scratchPool;
        for (var i = 0; i < pool.Length; i++)
        {
            var candidate = Volatile.Read(ref pool[i]);
            if (candidate is not null && Interlocked.CompareExchange(ref pool[i], null, candidate) == candidate)
            {
                candidate.EnsureNodeCapacity(_capacity);
                return candidate;
            }
        }
        var scratch = new HnswScratch(Dimensions, _m0, Math.Max(EfSearch, 16), _seeds is null ? 0 : Dimensions / SparseQueryDivisor * _seeds.PerList);
        scratch.EnsureNodeCapacity(_capacity);
        return scratch;
    }

    private void ReturnScratch(HnswScratch scratch)
    {
        var pool = _scratchPool;
        for (var i = 0; i < pool.Length; i++)
        {
            if (Volatile.Read(ref pool[i]) is null && Interlocked.CompareExchange(ref pool[i], scratch, null) is null) return;
        }
        // Pool full (more concurrent searches than slots): let the GC have it.
    }
}
