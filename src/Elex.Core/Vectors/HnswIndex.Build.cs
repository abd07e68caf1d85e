namespace Elex.Core.Vectors;

// Inserting nodes: in batches whose graph searches run in parallel against the graph as it was
// before the batch, then whose links are applied in id order — so the graph depends on the
// vectors, their order and the seed, never on how many threads did the searching.
internal sealed partial class HnswIndex
{
    // A batch's nodes do not see each other through the graph, only as explicit candidates; batches
    // stay a small fraction of the graph (1/64) so that what they miss is negligible, and are capped
    // so that the explicit candidates (up to one dot product per earlier batch member) stay cheap.
    private const int BatchFraction = 64;
    private const int MaxBatch = 128;

    /// <summary>
    /// Adds <c>vectors.Length / Dimensions</c> vectors stored one after another, searching the graph
    /// for up to <paramref name="maxDegreeOfParallelism"/> of them at a time; returns the id of the first.
    /// </summary>
    /// <remarks>
    /// The graph is the same for any degree of parallelism (see the class remarks), though not the
    /// same as adding the vectors one by one with <see cref="Add"/>. Not thread-safe, like <see cref="Add"/>.
    /// </remarks>
    /// <param name="vectors">The vectors, row after row; need not be normalised.</param>
    /// <param name="maxDegreeOfParallelism">Threads searching at once; -1 for one per processor, 1 for the calling thread only.</param>
    /// <exception cref="ArgumentException">
    /// The length is not a multiple of <see cref="Dimensions"/>, or a vector is the zero vector or has
    /// a NaN or infinite component (then nothing is added).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public int AddRange(ReadOnlySpan<float> vectors, int maxDegreeOfParallelism = -1)
    {
        if (vectors.Length % Dimensions != 0)
            throw new ArgumentException($"{vectors.Length} floats are not a whole number of {Dimensions}-dimensional vectors.", nameof(vectors));
        if (maxDegreeOfParallelism is 0 or < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use -1 (one thread per processor) or a positive count.");
        var first = Count;
        var count = vectors.Length / Dimensions;
        Store(vectors, first, count, nameof(vectors));
        var end = first + count;
        for (var start = first; start < end;)
        {
            var batch = Math.Min(end - start, Math.Clamp(start / BatchFraction, 1, MaxBatch));
            InsertBatch(start, batch, maxDegreeOfParallelism);
            start += batch;
        }
        return first;
    }

    /// <summary>Normalises the vectors into place after the stored ones and draws their levels; checks them all before drawing any level.</summary>
    private void Store(ReadOnlySpan<float> vectors, int first, int count, string paramName)
    {
        EnsureCapacity(first + count);
        for (var i = 0; i < count; i++)
        {
            VectorMath.Normalize(vectors.Slice(i * Dimensions, Dimensions), _vectors.AsSpan((first + i) * Dimensions, Dimensions),
                count == 1 ? "vector" : $"vector at row {i}", paramName);
        }
        // Only valid vectors draw levels, so rejected input does not change later builds.
        for (var id = first; id < first + count; id++)
        {
            var level = DrawLevel();
            _levels[id] = level;
            _links0[id * _stride0] = 0;
            _upperLinks[id] = level > 0 ? new int[level * _strideUpper] : null;
        }
    }

    /// <summary>Links nodes <paramref name="start"/>..<paramref name="start"/>+<paramref name="count"/>-1, already stored, into the graph.</summary>
    private void InsertBatch(int start, int count, int maxDegreeOfParallelism)
    {
        var entry = _entryPoint;
        var maxLevel = _maxLevel;
        var end = start + count;

        // Choosing each node's own links only reads the graph as it was before the batch.
        if (count == 1 || maxDegreeOfParallelism == 1 || Environment.ProcessorCount == 1 || OperatingSystem.IsBrowser())
        {
            var scratch = RentScratch();
            for (var id = start; id < end; id++) Connect(id, start, entry, maxLevel, scratch);
            ReturnScratch(scratch);
        }
        else
        {
            Parallel.For(start, end, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, RentScratch,
                (id, _, scratch) =>
                {
                    Connect(id, start, entry, maxLevel, scratch);
                    return scratch;
                },
                ReturnScratch);
        }

        // Reverse links change other nodes' lists, so they go in id order on one thread.
        var writer = RentScratch();
        var vectors = _vectors;
        for (var id = start; id < end; id++)
        {
            var own = new ReadOnlySpan<float>(vectors, id * Dimensions, Dimensions);
            for (var layer = 0; layer <= _levels[id]; layer++)
            {
                // Only later nodes link to this one, so its list is still what Connect chose.
                var links = Links(id, layer);
                for (var i = 1; i <= links[0]; i++)
                {
                    var neighbor = links[i];
                    Link(neighbor, id, RowDot.One(own, vectors, neighbor * Dimensions), layer, writer);
                }
            }
            if (_levels[id] > _maxLevel)
            {
                _maxLevel = _levels[id];
                _entryPoint = id;
            }
            _seeds?.Offer(id, own);
        }
        ReturnScratch(writer);
        Count = end;
    }

    /// <summary>
    /// Chooses node <paramref name="id"/>'s own links on each of its layers: the best
    /// efConstruction candidates from a search of the graph before the batch, together with the
    /// earlier nodes of the batch, thinned by the neighbour-selection heuristic.
    /// </summary>
    private void Connect(int id, int batchStart, int entry, int maxLevel, HnswScratch scratch)
    {
        var level = _levels[id];
        var q = new HnswQuery(new ReadOnlySpan<float>(_vectors, id * Dimensions, Dimensions));
        var current = entry;
        var currentSimilarity = 0f;
        if (entry >= 0)
        {
            currentSimilarity = q.Similarity(_vectors, entry);
            for (var layer = maxLevel; layer > level; layer--)
                current = GreedyClosest(q, current, ref currentSimilarity, layer, scratch);
        }

        for (var layer = level; layer >= 0; layer--)
        {
            var found = 0;
            if (entry >= 0 && layer <= maxLevel)
            {
                SearchLayer(q, current, currentSimilarity, [], _efConstruction, layer, scratch);
                found = DrainBestFirst(scratch);
                current = scratch.SortedIds[0];
                currentSimilarity = scratch.SortedSimilarities[0];
            }
            found = AddBatchCandidates(q.Dense, id, batchStart, layer, found, scratch);

            var chosen = SelectNeighbors(
                scratch.SortedIds.AsSpan(0, found), scratch.SortedSimilarities.AsSpan(0, found), _m, scratch.SelectedIds, scratch.SelectedSimilarities);
            var own = Links(id, layer);
            own[0] = chosen;
            scratch.SelectedIds.AsSpan(0, chosen).CopyTo(own[1..]);
        }
    }

    /// <summary>
    /// Merges the batch's earlier nodes that reach <paramref name="layer"/> into the best-first
    /// candidate buffers, keeping at most efConstruction; returns the new count.
    /// </summary>
    private int AddBatchCandidates(ReadOnlySpan<float> vector, int id, int batchStart, int layer, int found, HnswScratch scratch)
    {
        var limit = Math.Max(_efConstruction, found);
        scratch.EnsureSortedLength(limit + 1);
        var ids = scratch.SortedIds;
        var similarities = scratch.SortedSimilarities;
        for (var other = batchStart; other < id; other++)
        {
            if (_levels[other] < layer) continue;
            var s = RowDot.One(vector, _vectors, other * Dimensions);
            // Batch members have the highest ids, so on a tie they rank after what the search found.
            if (found == limit && s <= similarities[found - 1]) continue;
            var at = found < limit ? found++ : found - 1;
            while (at > 0 && similarities[at - 1] < s)
            {
                ids[at] = ids[at - 1];
                similarities[at] = similarities[at - 1];
                at--;
            }
            ids[at] = other;
            similarities[at] = s;
        }
        return found;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _capacity) return;
        var limit = Array.MaxLength / Math.Max(Dimensions, _stride0);
        if (needed > limit)
            throw new InvalidOperationException($"The index is full: it holds at most {limit} vectors of {Dimensions} dimensions.");
        var capacity = (int)Math.Min(Math.Max(Math.Max((long)_capacity * 2, InitialCapacity), needed), limit);
        Array.Resize(ref _vectors, capacity * Dimensions);
        Array.Resize(ref _links0, capacity * _stride0);
        Array.Resize(ref _levels, capacity);
        Array.Resize(ref _upperLinks, capacity);
        _capacity = capacity;
    }
}
