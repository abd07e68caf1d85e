using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Elex.Core.Text;

/// <summary>
/// Spells out the abbreviations and generation words RAN engineers write, for the sentence model:
/// "SRVCC to 2G/GSM" reaches it as "SRVCC (single radio voice call continuity) to 2G (GERAN)/GSM
/// (GERAN)", so a question meets a feature described in 3GPP words. Written from 3GPP and field
/// vocabulary; the lexical channel has its own canonical forms (<see cref="RanGlossary"/>).
/// </summary>
internal static partial class RanAbbreviations
{
    private static readonly FrozenDictionary<string, string> Expansions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["2G"] = "GERAN", ["GSM"] = "GERAN", ["3G"] = "UTRAN", ["WCDMA"] = "UTRAN", ["UMTS"] = "UTRAN",
        ["ANR"] = "automatic neighbour relations", ["CSFB"] = "circuit-switched fallback", ["SRVCC"] = "single radio voice call continuity",
        ["ETWS"] = "earthquake and tsunami warning", ["CMAS"] = "public warning", ["EN-DC"] = "LTE-NR dual connectivity",
        ["ENDC"] = "LTE-NR dual connectivity", ["SCell"] = "secondary cell", ["SCells"] = "secondary cells", ["MDT"] = "minimization of drive tests",
        ["NSA"] = "non-standalone, LTE-NR dual connectivity", ["SgNB"] = "secondary gNodeB", ["SCG"] = "secondary cell group",
        ["CoMP"] = "coordinated multi-point",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="word"/> is an abbreviation this vocabulary spells out (any case).</summary>
    public static bool Spells(string word) => Expansions.ContainsKey(word);

    /// <summary>The text with each known abbreviation followed by its spelled-out form in brackets.</summary>
    public static string Expand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Word().Replace(text, static m =>
            Expansions.TryGetValue(m.Value, out var expansion) && IsWritten(m.Value) ? $"{m.Value} ({expansion})" : m.Value);
    }

    [GeneratedRegex(@"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")]
    private static partial Regex Word();

    // Abbreviations count when written as abbreviations (capitals or digits): "ca" or "sa" in prose are words.
    private static bool IsWritten(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (char.IsUpper(c) || char.IsDigit(c)) return true;
        return false;
    }
}
