using System.Numerics;
using System.Runtime.Intrinsics;

namespace Elex.Core.Vectors;

/// <summary>
/// The k best of a row of scores, best first, the lower index first on a tie. A route picks the best
/// two dozen of ~600 scores several times, and a scan that keeps a sorted or heap-ordered best-so-far
/// pays a mispredicted branch for most scores. Instead a floor is read from a sample (about 2k scores
/// lie above it), one vector-wide pass gathers the scores above the floor, and only those are sorted;
/// when fewer than k are above it the rest tie on it. Too many above it, too few on it, a short row or
/// no vector hardware, and the plain scan decides: the same result either way (a test compares them).
/// </summary>
internal static class TopSelection
{
    private const int SampleStride = 8;
    private const int MaxGathered = 256;

    /// <summary>Writes the <paramref name="k"/> best scores' indices and scores into <paramref name="results"/>; returns how many (fewer when there are fewer scores).</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit] // every key read is written first
    public static int Select(ReadOnlySpan<float> scores, int k, Span<VectorNeighbor> results)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (results.Length < k) throw new ArgumentException($"The results buffer holds {results.Length} items but k is {k}.", nameof(results));
        k = Math.Min(k, scores.Length);
        if (k == 0) return 0;
        if (!Vector256.IsHardwareAccelerated || scores.Length < 2 * SampleStride * k || 4 * k > MaxGathered) return Scan(scores, k, results);

        var floor = SampledFloor(scores, Math.Max(2, 2 * k / SampleStride));
        Span<ulong> keys = stackalloc ulong[MaxGathered];
        var found = 0;
        var limit = Vector256.Create(floor);
        var i = 0;
        for (; i + Vector256<float>.Count <= scores.Length; i += Vector256<float>.Count)
        {
            var above = Vector256.GreaterThan(Vector256.Create(scores.Slice(i, Vector256<float>.Count)), limit).ExtractMostSignificantBits();
            if (above == 0) continue;
            if (found + Vector256<float>.Count > keys.Length) return Scan(scores, k, results);
            for (; above != 0; above &= above - 1)
            {
                var at = i + BitOperations.TrailingZeroCount(above);
                keys[found++] = BestFirstKey(scores[at], at);
            }
        }
        for (; i < scores.Length; i++)
        {
            if (!(scores[i] > floor)) continue;
            if (found == keys.Length) return Scan(scores, k, results);
            keys[found++] = BestFirstKey(scores[i], i);
        }
        var gathered = keys[..found];
        gathered.Sort();
        for (var r = 0; r < Math.Min(k, found); r++)
        {
            var at = IndexOf(gathered[r]);
            results[r] = new VectorNeighbor(at, scores[at]);
        }
        // Fewer than k above the floor (a sparse row: most scores zero): the rest are the scores on the
        // floor, lower index first, if there are enough of them; otherwise the scan decides.
        return found >= k || FillFromFloor(scores, floor, found, k, results) ? k : Scan(scores, k, results);
    }

    private static bool FillFromFloor(ReadOnlySpan<float> scores, float floor, int filled, int k, Span<VectorNeighbor> results)
    {
        var limit = Vector256.Create(floor);
        var i = 0;
        for (; i + Vector256<float>.Count <= scores.Length && filled < k; i += Vector256<float>.Count)
        {
            for (var on = Vector256.Equals(Vector256.Create(scores.Slice(i, Vector256<float>.Count)), limit).ExtractMostSignificantBits(); on != 0 && filled < k; on &= on - 1)
            {
                var at = i + BitOperations.TrailingZeroCount(on);
                results[filled++] = new VectorNeighbor(at, scores[at]);
            }
        }
        for (; i < scores.Length && filled < k; i++)
        {
            if (scores[i] == floor) results[filled++] = new VectorNeighbor(i, scores[i]);
        }
        return filled == k;
    }

    /// <summary>
    /// A key whose ascending order is the best score first, then the lower index: the score's bits
    /// made order-preserving as unsigned and inverted, above the index (scores are not NaN).
    /// </summary>
    public static ulong BestFirstKey(float score, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var bits = BitConverter.SingleToUInt32Bits(score == 0 ? 0f : score); // -0 ties with 0, as in a comparison
        bits = (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
        return ((ulong)~bits << 32) | (uint)index;
    }

    /// <summary>The index a <see cref="BestFirstKey"/> was made with.</summary>
    public static int IndexOf(ulong key) => (int)(uint)key;

    // The `rank`-th best of every SampleStride-th score.
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private static float SampledFloor(ReadOnlySpan<float> scores, int rank)
    {
        Span<float> best = stackalloc float[rank];
        var filled = 0;
        for (var i = 0; i < scores.Length; i += SampleStride)
        {
            var s = scores[i];
            if (filled == rank && !(s > best[rank - 1])) continue;
            var at = filled < rank ? filled++ : rank - 1;
            while (at > 0 && best[at - 1] < s)
            {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = s;
        }
        return best[filled - 1];
    }

    // Insertion into a sorted prefix: the reference order, and the way for short rows.
    private static int Scan(ReadOnlySpan<float> scores, int k, Span<VectorNeighbor> results)
    {
        var count = 0;
        for (var id = 0; id < scores.Length; id++)
        {
            var s = scores[id];
            if (count == k && s <= results[k - 1].Similarity) continue;
            var at = count < k ? count++ : k - 1;
            while (at > 0 && results[at - 1].Similarity < s)
            {
                results[at] = results[at - 1];
                at--;
            }
            results[at] = new VectorNeighbor(id, s);
        }
        return count;
    }
}
