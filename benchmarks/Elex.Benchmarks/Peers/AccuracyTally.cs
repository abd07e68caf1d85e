namespace Elex.Benchmarks.Peers;

/// <summary>
/// Top-1 / top-3 accuracy the way <c>DevSetAccuracyTests</c> counts it: top-1 when the best
/// candidate is acceptable, top-3 when any of the first three is.
/// </summary>
public sealed class AccuracyTally
{
    /// <summary>Questions counted.</summary>
    public int Total { get; private set; }

    /// <summary>Questions whose best candidate was acceptable.</summary>
    public int Top1 { get; private set; }

    /// <summary>Questions with an acceptable candidate among the first three.</summary>
    public int Top3 { get; private set; }

    /// <summary>Top-1 accuracy in [0, 1].</summary>
    public double Top1Rate => Total == 0 ? 0 : (double)Top1 / Total;

    /// <summary>Top-3 accuracy in [0, 1].</summary>
    public double Top3Rate => Total == 0 ? 0 : (double)Top3 / Total;

    /// <summary>Counts one question given its ranked candidate codes (best first).</summary>
    public void Add(IReadOnlySet<string> expect, ReadOnlySpan<string> rankedCodes)
    {
        ArgumentNullException.ThrowIfNull(expect);
        Total++;
        if (rankedCodes.Length > 0 && expect.Contains(rankedCodes[0])) Top1++;
        for (var i = 0; i < Math.Min(3, rankedCodes.Length); i++)
        {
            if (!expect.Contains(rankedCodes[i])) continue;
            Top3++;
            break;
        }
    }
}
