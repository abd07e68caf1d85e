using System.Collections.Frozen;

namespace Elex.Core.Text;

/// <summary>
/// "slow uplink speeds", "poor data speed": engineers say speed for throughput, while the catalog's
/// "speed" is how fast a UE moves (High Speed UE, maximum UE speed). In a question, speed right after a
/// link direction or a word about data rates means throughput, and "download"/"upload" before a rate mean
/// the downlink and the uplink.
/// </summary>
internal static class DataSpeed
{
    private static readonly FrozenSet<string> Speeds = new[] { "speed", "speeds" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> DataWords = new[]
    {
        "uplink", "downlink", "ul", "dl", "data", "download", "upload", "internet", "browsing", "bit", "peak",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Rates = new[] { "speed", "speeds", "rate", "rates", "throughput" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// "download speeds", "upload rate": the link direction the word stands for ("downlink", "uplink"), or null —
    /// so the question is not read as being about downloading firmware.
    /// </summary>
    public static string? LinkOf(List<RawToken> tokens, int at)
    {
        if (at + 1 >= tokens.Count || !Rates.Contains(tokens[at + 1].Text)) return null;
        var word = tokens[at].Text;
        return word.Equals("download", StringComparison.OrdinalIgnoreCase) ? "downlink"
            : word.Equals("upload", StringComparison.OrdinalIgnoreCase) ? "uplink"
            : null;
    }

    /// <summary>True when <paramref name="tokens"/>[<paramref name="at"/>] is "speed" meaning a data rate.</summary>
    public static bool MeansThroughput(List<RawToken> tokens, int at) =>
        at > 0 && Speeds.Contains(tokens[at].Text) && DataWords.Contains(tokens[at - 1].Text);
}
