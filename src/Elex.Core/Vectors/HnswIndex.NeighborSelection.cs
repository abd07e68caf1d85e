namespace Elex.Core.Vectors;

// Choosing a node's links, and re-choosing them when a reverse link overfills the list.
internal sealed partial class HnswIndex
{
    /// <summary>
    /// The neighbour-selection heuristic (the paper's algorithm 4, without extending or keeping
    /// pruned candidates): walking the candidates best-first, keep one only when it is more similar
    /// to the base than to every candidate already kept. This favours links in diverse directions,
    /// which keeps clusters connected. When there are no more candidates than
    /// <paramref name="max"/>, all are kept.
    /// </summary>
    /// <param name="ids">Candidate ids, best-first.</param>
    /// <param name="similarities">The candidates' similarities to the base node.</param>
    /// <param name="max">How many to keep at most.</param>
    /// <param name="keptIds">Receives the kept ids, best-first.</param>
    /// <param name="keptSimilarities">Receives the kept similarities.</param>
    /// <returns>How many were kept.</returns>
    private int SelectNeighbors(
        ReadOnlySpan<int> ids, ReadOnlySpan<float> similarities, int max, Span<int> keptIds, Span<float> keptSimilarities)
    {
        if (ids.Length <= max)
        {
            ids.CopyTo(keptIds);
            similarities.CopyTo(keptSimilarities);
            return ids.Length;
        }

        var vectors = _vectors;
        var dimensions = Dimensions;
        var kept = 0;
        for (var c = 0; c < ids.Length && kept < max; c++)
        {
            var candidate = new ReadOnlySpan<float>(vectors, ids[c] * dimensions, dimensions);
            var similarity = similarities[c];
            var diverse = true;
            for (var j = 0; j < kept; j++)
            {
                if (RowDot.One(candidate, vectors, keptIds[j] * dimensions) > similarity)
                {
                    diverse = false;
                    break;
                }
            }
            if (!diverse) continue;
            keptIds[kept] = ids[c];
            keptSimilarities[kept] = similarity;
            kept++;
        }
        return kept;
    }

    /// <summary>Adds the reverse link <paramref name="node"/> → <paramref name="neighbor"/>, re-selecting the node's links with the heuristic when the list is full.</summary>
    private void Link(int node, int neighbor, float similarity, int layer, HnswScratch scratch)
    {
        var links = Links(node, layer);
        var count = links[0];
        var max = links.Length - 1;
        if (count < max)
        {
            links[count + 1] = neighbor;
            links[0] = count + 1;
            return;
        }

        // Score the current links plus the new one against the node, insertion-sorting best-first.
        var vectors = _vectors;
        var dimensions = Dimensions;
        var nodeVector = new ReadOnlySpan<float>(vectors, node * dimensions, dimensions);
        var ids = scratch.PruneIds;
        var similarities = scratch.PruneSimilarities;
        for (var i = 0; i <= count; i++)
        {
            var id = i < count ? links[i + 1] : neighbor;
            var s = i < count ? RowDot.One(nodeVector, vectors, id * dimensions) : similarity;
            var j = i;
            while (j > 0 && (similarities[j - 1] < s || (similarities[j - 1] == s && ids[j - 1] > id)))
            {
                ids[j] = ids[j - 1];
                similarities[j] = similarities[j - 1];
                j--;
            }
            ids[j] = id;
            similarities[j] = s;
        }

        var keptIds = scratch.KeptIds;
        var kept = SelectNeighbors(ids.AsSpan(0, count + 1), similarities.AsSpan(0, count + 1), max, keptIds, scratch.KeptSimilarities);
        links[0] = kept;
        keptIds.AsSpan(0, kept).CopyTo(links[1..]);
    }
}
