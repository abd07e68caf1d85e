namespace Elex.Core.Vectors;

// Walking the graph: the greedy descent through the upper layers and the best-first search of one layer.
internal sealed partial class HnswIndex
{
    /// <summary>Greedy walk on one layer: moves to the most similar neighbour until none improves (the ef = 1 search of the upper layers).</summary>
    private int GreedyClosest(scoped in HnswQuery q, int current, ref float currentSimilarity, int layer, HnswScratch scratch)
    {
        var vectors = _vectors;
        var similarities = scratch.BatchSimilarities;
        bool improved;
        do
        {
            improved = false;
            var links = Links(current, layer);
            var neighbors = links.Slice(1, links[0]);
            q.Similarities(vectors, neighbors, similarities);
            for (var i = 0; i < neighbors.Length; i++)
            {
                if (similarities[i] > currentSimilarity)
                {
                    currentSimilarity = similarities[i];
                    current = neighbors[i];
                    improved = true;
                }
            }
        }
        while (improved);
        return current;
    }

    /// <summary>
    /// Best-first search of one layer (the paper's algorithm 2) from <paramref name="entry"/> and
    /// any extra <paramref name="seeds"/> (repeats allowed); leaves the best <paramref name="ef"/>
    /// nodes found in <see cref="HnswScratch.Results"/> (worst on top).
    /// </summary>
    private void SearchLayer(scoped in HnswQuery q, int entry, float entrySimilarity, ReadOnlySpan<int> seeds, int ef, int layer, HnswScratch scratch)
    {
        var vectors = _vectors;
        var visited = scratch.Visited;
        var epoch = scratch.NextEpoch();
        var candidates = scratch.Candidates;
        var results = scratch.Results;
        var batch = scratch.Batch;
        var batchSimilarities = scratch.BatchSimilarities;
        candidates.Clear();
        results.Clear();

        visited[entry] = epoch;
        candidates.Push(entry, entrySimilarity);
        results.Push(entry, entrySimilarity);
        var size = 1;
        var worst = entrySimilarity;
        foreach (var seed in seeds)
        {
            if (visited[seed] == epoch) continue;
            visited[seed] = epoch;
            Offer(seed, q.Similarity(vectors, seed), ef, candidates, results, ref size, ref worst);
        }

        while (candidates.Count > 0)
        {
            if (size >= ef && candidates.TopSimilarity < worst) break;
            var closest = candidates.Pop();

            int[] links;
            int offset;
            if (layer == 0)
            {
                links = _links0;
                offset = closest * _stride0;
            }
            else
            {
                links = _upperLinks[closest]!;
                offset = (layer - 1) * _strideUpper;
            }

            // Score the unvisited neighbours together (see RowDot), then offer them in link order.
            var end = offset + links[offset];
            var fresh = 0;
            for (var i = offset + 1; i <= end; i++)
            {
                var node = links[i];
                if (visited[node] == epoch) continue;
                visited[node] = epoch;
                batch[fresh++] = node;
            }
            q.Similarities(vectors, batch.AsSpan(0, fresh), batchSimilarities);
            for (var i = 0; i < fresh; i++) Offer(batch[i], batchSimilarities[i], ef, candidates, results, ref size, ref worst);
        }
    }

    /// <summary>Keeps a scored node when the result list has room or it beats the worst result, and queues it for expansion.</summary>
    private static void Offer(int node, float similarity, int ef, NeighborHeap candidates, NeighborHeap results, ref int size, ref float worst)
    {
        if (size < ef)
        {
            candidates.Push(node, similarity);
            results.Push(node, similarity);
            size++;
            worst = results.TopSimilarity;
        }
        else if (similarity > worst)
        {
            candidates.Push(node, similarity);
            results.ReplaceTop(node, similarity);
            worst = results.TopSimilarity;
        }
    }

    /// <summary>Empties <see cref="HnswScratch.Results"/> into the sorted buffers, best-first; returns the count.</summary>
    private static int DrainBestFirst(HnswScratch scratch)
    {
        var results = scratch.Results;
        var count = results.Count;
        scratch.EnsureSortedLength(count + 1);
        var ids = scratch.SortedIds;
        var similarities = scratch.SortedSimilarities;
        for (var i = count - 1; i >= 0; i--) ids[i] = results.Pop(out similarities[i]);
        return count;
    }
}
