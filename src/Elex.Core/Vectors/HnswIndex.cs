using System.Numerics.Tensors;

namespace Elex.Core.Vectors;

/// <summary>
/// Approximate nearest-neighbour index over cosine similarity: a Hierarchical Navigable Small
/// World graph (Malkov and Yashunin, "Efficient and robust approximate nearest neighbor search
/// using Hierarchical Navigable Small World graphs", 2016/2018).
/// </summary>
/// <remarks>
/// <para>
/// Each vector is stored L2-normalised in one contiguous array, so similarity is a
/// <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>. A node is placed on
/// layers 0..L with L drawn from an exponential distribution (seeded, so builds are
/// deterministic). It is linked on each layer to up to <see cref="HnswOptions.M"/> neighbours
/// chosen by the paper's neighbour-selection heuristic (algorithm 4), and the reverse links are
/// pruned with the same heuristic to M (2M on layer 0).
/// </para>
/// <para>
/// Thread safety: <see cref="Search(ReadOnlySpan{float}, int, Span{VectorNeighbor})"/> may run
/// concurrently from any number of threads; each call rents pooled scratch space, so searches do
/// not allocate once warmed up. <see cref="Add"/> is single-writer and is <b>not</b> safe to run
/// concurrently with other <see cref="Add"/> or <see cref="Search(ReadOnlySpan{float}, int, Span{VectorNeighbor})"/>
/// calls: build the index first, then search it (publishing it to other threads through any
/// ordinary synchronisation, such as starting a task, a lock or a volatile write).
/// </para>
/// </remarks>
internal sealed partial class HnswIndex : IVectorIndex
{
    private const int InitialCapacity = 16;

    private readonly int _m;
    private readonly int _m0;
    private readonly int _stride0;
    private readonly int _strideUpper;
    private readonly int _efConstruction;
    private readonly double _levelMultiplier;
    private readonly Random _levelRandom;
    private readonly HnswScratch?[] _scratchPool;
    private HnswScratch? _writerScratch;
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
        if (id == _capacity) Grow();
        var stored = _vectors.AsSpan(id * Dimensions, Dimensions);
        VectorMath.Normalize(vector, stored, "vector", nameof(vector));

        // Only a valid vector draws a level, so rejected input does not change later builds.
        var level = DrawLevel();
        _levels[id] = level;
        _links0[id * _stride0] = 0;
        _upperLinks[id] = level > 0 ? new int[level * _strideUpper] : null;

        if (_entryPoint < 0)
        {
            _entryPoint = id;
            _maxLevel = level;
            Count = id + 1;
            return id;
        }

        var scratch = _writerScratch ??= new HnswScratch(Dimensions, _m0, _efConstruction);
        scratch.EnsureNodeCapacity(_capacity);
        ReadOnlySpan<float> q = stored;

        var current = _entryPoint;
        var currentSimilarity = Similarity(q, current);
        for (var layer = _maxLevel; layer > level; layer--)
            current = GreedyClosest(q, current, ref currentSimilarity, layer);

        for (var layer = Math.Min(level, _maxLevel); layer >= 0; layer--)
        {
            SearchLayer(q, current, currentSimilarity, _efConstruction, layer, scratch);
            var found = DrainBestFirst(scratch);
            current = scratch.SortedIds[0];
            currentSimilarity = scratch.SortedSimilarities[0];

            var selectedIds = scratch.SelectedIds;
            var selectedSimilarities = scratch.SelectedSimilarities;
            var chosen = SelectNeighbors(
                scratch.SortedIds.AsSpan(0, found), scratch.SortedSimilarities.AsSpan(0, found), _m, selectedIds, selectedSimilarities);
            var own = Links(id, layer);
            own[0] = chosen;
            selectedIds.AsSpan(0, chosen).CopyTo(own[1..]);
            for (var i = 0; i < chosen; i++) Link(selectedIds[i], id, selectedSimilarities[i], layer, scratch);
        }

        if (level > _maxLevel)
        {
            _maxLevel = level;
            _entryPoint = id;
        }
        Count = id + 1;
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
            var q = scratch.Query.AsSpan();
            VectorMath.Normalize(query, q, "query", nameof(query));
            if (k == 0 || _entryPoint < 0) return 0;

            var current = _entryPoint;
            var currentSimilarity = Similarity(q, current);
            for (var layer = _maxLevel; layer > 0; layer--)
                current = GreedyClosest(q, current, ref currentSimilarity, layer);

            SearchLayer(q, current, currentSimilarity, Math.Max(ef, k), 0, scratch);
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

    private float Similarity(ReadOnlySpan<float> q, int node) =>
        TensorPrimitives.Dot(q, new ReadOnlySpan<float>(_vectors, node * Dimensions, Dimensions));

    /// <summary>The link block of a node on a layer: element 0 is the count, then the neighbour ids.</summary>
    private Span<int> Links(int node, int layer) => layer == 0
        ? _links0.AsSpan(node * _stride0, _stride0)
        : _upperLinks[node].AsSpan((layer - 1) * _strideUpper, _strideUpper);

    /// <summary>Draws a node's top layer: floor(-ln(U) / ln(M)), U uniform in (0, 1].</summary>
    private int DrawLevel() => (int)(-Math.Log(1.0 - _levelRandom.NextDouble()) * _levelMultiplier);

    private void Grow()
    {
        var limit = Array.MaxLength / Math.Max(Dimensions, _stride0);
        if (_capacity >= limit)
            throw new InvalidOperationException($"The index is full: it holds at most {limit} vectors of {Dimensions} dimensions.");
        var capacity = (int)Math.Min(Math.Max((long)_capacity * 2, InitialCapacity), limit);
        Array.Resize(ref _vectors, capacity * Dimensions);
        Array.Resize(ref _links0, capacity * _stride0);
        Array.Resize(ref _levels, capacity);
        Array.Resize(ref _upperLinks, capacity);
        _capacity = capacity;
    }

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
        var scratch = new HnswScratch(Dimensions, _m0, Math.Max(EfSearch, 16));
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
