using System.Globalization;

namespace Elex.Cli;

/// <summary>
/// Durations for people: milliseconds or seconds with as many digits as mean something — "0.04 ms",
/// "4.3 ms", "83 ms", "1.2 s" — instead of "150215 µs". Machine-readable output keeps its microseconds.
/// </summary>
internal static class Durations
{
    /// <summary>A duration given in microseconds, readable.</summary>
    public static string FromMicroseconds(double microseconds)
    {
        if (double.IsNaN(microseconds)) return "–";
        var ms = Math.Max(0, microseconds) / 1000.0;
        if (ms == 0) return "0 ms";
        if (ms < 0.001) return "< 0.001 ms";
        if (ms < 0.01) return Ms(ms, "0.00#");
        if (ms < 1) return Ms(ms, "0.0#");
        if (ms < 10) return Ms(ms, "0.#");
        if (Math.Round(ms) < 1000) return Ms(ms, "0");
        var seconds = ms / 1000.0;
        return (seconds < 100 ? seconds.ToString("0.#", CultureInfo.InvariantCulture) : seconds.ToString("0", CultureInfo.InvariantCulture)) + " s";
    }

    private static string Ms(double ms, string format) => ms.ToString(format, CultureInfo.InvariantCulture) + " ms";
}
