namespace Elex.Core.Telemetry;

/// <summary>
/// A log-bucketed latency histogram that supports removal, so a sliding window can add new
/// samples and retire old ones in O(1) and read percentiles in one pass over the buckets — over groups of 64
/// buckets first, then into the groups that hold a wanted rank (a window emits a snapshot per query, and a
/// millisecond latency sits past 1,200 of the 2,300 buckets).
/// HdrHistogram (on the mirror) cannot remove samples, which a sliding window needs.
/// Buckets grow by 1 % from 0.1 µs to 10⁹ µs: a percentile is exact to within 1 %.
/// </summary>
internal sealed class LatencyHistogram
{
    private const double Smallest = 0.1;
    private static readonly double LogGrowth = Math.Log(1.01);
    private static readonly int BucketCount = (int)Math.Ceiling(Math.Log(1e9 / Smallest) / LogGrowth) + 1;

    private const int GroupSize = 64;

    private readonly int[] _counts = new int[BucketCount];
    private readonly long[] _groups = new long[(BucketCount + GroupSize - 1) / GroupSize];

    /// <summary>Samples currently held.</summary>
    public long Count { get; private set; }

    /// <summary>Adds a latency in microseconds (negative or NaN counts as 0).</summary>
    public void Add(double latencyUs)
    {
        var bucket = Bucket(latencyUs);
        _counts[bucket]++;
        _groups[bucket / GroupSize]++;
        Count++;
    }

    /// <summary>Removes a latency previously added.</summary>
    /// <exception cref="InvalidOperationException">No such sample is held.</exception>
    public void Remove(double latencyUs)
    {
        var bucket = Bucket(latencyUs);
        if (_counts[bucket] == 0) throw new InvalidOperationException($"No sample of {latencyUs} µs is held.");
        _counts[bucket]--;
        _groups[bucket / GroupSize]--;
        Count--;
    }

    /// <summary>Removes every sample.</summary>
    public void Clear()
    {
        Array.Clear(_counts);
        Array.Clear(_groups);
        Count = 0;
    }

    /// <summary>The value at quantile <paramref name="q"/> (0–1, nearest rank), or 0 when empty.</summary>
    public double Percentile(double q)
    {
        Span<double> result = stackalloc double[1];
        Percentiles([q], result);
        return result[0];
    }

    /// <summary>Several quantiles (ascending) in one pass over the buckets.</summary>
    public void Percentiles(ReadOnlySpan<double> ascendingQuantiles, Span<double> results)
    {
        if (results.Length < ascendingQuantiles.Length) throw new ArgumentException("The results span is shorter than the quantiles.", nameof(results));
        if (Count == 0)
        {
            results[..ascendingQuantiles.Length].Clear();
            return;
        }
        var next = 0;
        long seen = 0;
        for (var group = 0; group < _groups.Length && next < ascendingQuantiles.Length; group++)
        {
            var after = seen + _groups[group];
            if (after < Rank(ascendingQuantiles[next]))
            {
                seen = after;
                continue;
            }
            var end = Math.Min((group + 1) * GroupSize, _counts.Length);
            for (var bucket = group * GroupSize; bucket < end && next < ascendingQuantiles.Length; bucket++)
            {
                seen += _counts[bucket];
                while (next < ascendingQuantiles.Length && seen >= Rank(ascendingQuantiles[next]))
                    results[next++] = Representative(bucket);
            }
        }
    }

    private long Rank(double q) => Math.Max(1, (long)Math.Ceiling(Math.Clamp(q, 0, 1) * Count));

    private static int Bucket(double latencyUs)
    {
        if (!(latencyUs > Smallest)) return 0;
        var index = (int)(Math.Log(latencyUs / Smallest) / LogGrowth) + 1;
        return Math.Min(index, BucketCount - 1);
    }

    // The geometric middle of each bucket (within 0.5 % of any value in it), computed once: a window
    // reads three percentiles per query.
    private static readonly double[] Representatives = [.. Enumerable.Range(0, BucketCount).Select(b => b == 0 ? Smallest : Smallest * Math.Exp((b - 0.5) * LogGrowth))];

    private static double Representative(int bucket) => Representatives[bucket];
}
