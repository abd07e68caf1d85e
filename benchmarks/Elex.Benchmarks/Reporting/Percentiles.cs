namespace Elex.Benchmarks.Reporting;

/// <summary>Percentiles of a set of single-call timings (microseconds).</summary>
/// <param name="Count">Samples.</param>
/// <param name="P50">Median, µs.</param>
/// <param name="P95">95th percentile, µs.</param>
/// <param name="P99">99th percentile, µs.</param>
/// <param name="Max">Slowest call, µs.</param>
/// <param name="Mean">Mean, µs.</param>
public readonly record struct Percentiles(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    /// <summary>Sorts <paramref name="microseconds"/> in place and reads its percentiles (nearest rank).</summary>
    public static Percentiles Of(double[] microseconds)
    {
        ArgumentNullException.ThrowIfNull(microseconds);
        if (microseconds.Length == 0) return default;
        Array.Sort(microseconds);
        return new Percentiles(microseconds.Length, At(microseconds, 0.50), At(microseconds, 0.95), At(microseconds, 0.99), microseconds[^1], microseconds.Average());
    }

    private static double At(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
