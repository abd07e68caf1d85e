using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Elex.Core.Catalog;

/// <summary>
/// Judges an entry of a feature's KPI list. Catalog exports put sentence fragments there that name no
/// KPI — "Increases", "This KPI might decrease.", "Increases in weak coverage zone." — and identifiers
/// that belong elsewhere (<c>EVENT_PARAM_PROC_HO_PREP_OUT_ATTEMPT_CAUSE</c>); an answer listing them
/// as "KPIs affected" misleads. Fragments cut from a longer phrase ("and retainability") keep the
/// KPI they name without the dangling word.
/// </summary>
internal static partial class KpiText
{
    // How a KPI moves, not what it is.
    private static readonly FrozenSet<string> TrendWords = FrozenSet.ToFrozenSet(
    [
        "increase", "increases", "increased", "increasing", "decrease", "decreases", "decreased", "decreasing",
        "improve", "improves", "improved", "improving", "improvement", "degrade", "degrades", "degraded", "degradation",
        "reduce", "reduces", "reduced", "reduction", "raise", "raises", "raised", "rise", "rises", "drop", "drops",
        "boost", "boosts", "boosted", "enhance", "enhances", "enhanced", "better", "worse", "higher",
    ], StringComparer.OrdinalIgnoreCase);

    // Words that carry no quantity of their own ("this KPI might", "the value can be").
    private static readonly FrozenSet<string> FillerWords = FrozenSet.ToFrozenSet(
    [
        "this", "that", "the", "a", "an", "it", "its", "is", "are", "be", "been", "was", "were", "can", "could", "may",
        "might", "will", "would", "should", "by", "of", "to", "in", "on", "for", "with", "and", "or", "not", "also",
        "feature", "features", "kpi", "kpis", "value", "values", "expected", "affected", "impacted", "slightly", "significantly",
    ], StringComparer.OrdinalIgnoreCase);

    // A trend word followed by one of these starts a clause about where or when, not a KPI name.
    private static readonly FrozenSet<string> ClauseStarters = FrozenSet.ToFrozenSet(
        ["in", "at", "for", "when", "with", "during", "under", "on", "by", "if", "while"], StringComparer.OrdinalIgnoreCase);

    // A KPI name does not start with these; an entry that does was cut out of a longer phrase.
    private static readonly FrozenSet<string> DanglingStarters = FrozenSet.ToFrozenSet(
        ["and", "or", "but", "to", "of", "with"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Why the entry is not a KPI (null when it is one). <paramref name="repaired"/> is the entry as
    /// it should be read: the same text, or without a dangling first word.
    /// </summary>
    public static string? Judge(string entry, out string repaired)
    {
        ArgumentNullException.ThrowIfNull(entry);
        repaired = entry;
        if (Identifier().IsMatch(entry)) return "is an identifier (an event, counter or parameter name), not a KPI";
        var words = Word().Matches(entry).Select(m => m.Value).ToList();
        if (words.Count == 0) return "has no words";
        if (words.All(w => TrendWords.Contains(w) || FillerWords.Contains(w))) return "says how a KPI changes but names none";
        if (TrendWords.Contains(words[0]) && (words.Count == 1 || ClauseStarters.Contains(words[1]))) return "says how a KPI changes but names none";
        var space = entry.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && DanglingStarters.Contains(entry[..space])) repaired = entry[(space + 1)..];
        return null;
    }

    // UPPER_SNAKE names (trace events, event parameters) and camelCase names (pmCounters) without spaces.
    [GeneratedRegex(@"^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z]+[A-Z][A-Za-z0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
