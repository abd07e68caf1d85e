using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Elex.Core.Catalog;
using Elex.Core.Routing;

namespace Elex.Core.Agents;

/// <summary>
/// The features a comparison question sets side by side: a comparing cue ("difference between",
/// "vs", "compare", "or", "compatible with") and at least two features named by FAJ code, whole name, or an acronym
/// only that feature has. A name inside a longer named feature's name ("MIMO Sleep Mode" in
/// "NR Massive MIMO Sleep Mode") counts only where it also stands on its own.
/// </summary>
internal static partial class ComparedFeatures
{
    private const int Most = 4;
    private static readonly ConditionalWeakTable<FeatureCatalog, HashSet<string>> UniqueAcronyms = new();
    private static readonly ConditionalWeakTable<FeatureCatalog, HashSet<string>> EverydayAcronyms = new();

    /// <summary>The named features in the order the question names them when it compares them; empty otherwise.</summary>
    public static IReadOnlyList<Feature> Find(string text, FeatureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!Cue().IsMatch(text)) return [];
        var acronyms = UniqueAcronyms.GetValue(catalog, Acronyms);
        var everydayAcronyms = EverydayAcronyms.GetValue(catalog, Everyday);
        var mentions = new List<(Feature Feature, int Start, int Length)>();
        foreach (var f in catalog.Features)
        {
            AddAll(mentions, f, text, f.Name);
            AddAll(mentions, f, text, f.Code.Value);
            if (f.Acronym is { Length: >= 2 } acronym && acronyms.Contains(acronym)) AddAll(mentions, f, text, acronym, caseSensitive: true);
            else if (f.Acronym is { Length: >= 2 } everyday && everydayAcronyms.Contains(everyday) && IsComparedDirectly(text, everyday))
                AddAll(mentions, f, text, everyday, caseSensitive: true);
        }
        var standing = mentions
            .Where(m => !mentions.Any(o => o.Length > m.Length && o.Start <= m.Start && m.Start + m.Length <= o.Start + o.Length && o.Feature != m.Feature))
            .OrderBy(m => m.Start)
            .Select(m => m.Feature)
            .Distinct()
            .Take(Most)
            .ToList();
        return standing.Count >= 2 ? standing : [];
    }

    private static void AddAll(List<(Feature, int, int)> mentions, Feature f, string text, string phrase, bool caseSensitive = false)
    {
        var comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        for (var at = text.IndexOf(phrase, comparison); at >= 0; at = text.IndexOf(phrase, at + 1, comparison))
        {
            if (IsWordBoundary(text, at - 1) && IsWordBoundary(text, at + phrase.Length)) mentions.Add((f, at, phrase.Length));
        }
    }

    private static bool IsWordBoundary(string text, int i) => i < 0 || i >= text.Length || !char.IsLetterOrDigit(text[i]);

    // Acronyms one feature has alone and that are not everyday words of a question ("VS", "CA", "PM").
    private static HashSet<string> Acronyms(FeatureCatalog catalog) =>
        catalog.Features.Where(f => f.Acronym is not null).GroupBy(f => f.Acronym!, StringComparer.Ordinal)
            .Where(g => g.Count() == 1 && !Cue().IsMatch(g.Key) && !Text.RanGlossary.IsEveryday(g.Key.ToLowerInvariant()))
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);

    // Everyday abbreviations one feature has as its acronym ("CA"): a mention only where the
    // question sets it directly against something ("compare CA and UCA", "UCA vs CA").
    private static HashSet<string> Everyday(FeatureCatalog catalog) =>
        catalog.Features.Where(f => f.Acronym is not null).GroupBy(f => f.Acronym!, StringComparer.Ordinal)
            .Where(g => g.Count() == 1 && !Cue().IsMatch(g.Key) && Text.RanGlossary.IsEveryday(g.Key.ToLowerInvariant()))
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);

    private static bool IsComparedDirectly(string text, string acronym) =>
        StrongCue().IsMatch(text)
        && Regex.IsMatch(text, $@"(?:\b(?:compare|between|and|or|vs\.?|versus|with)\s+{Regex.Escape(acronym)}\b)|(?:\b{Regex.Escape(acronym)}\s+(?:and|or|vs\.?|versus|with)\b)", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\b(?:differen(?:ce|ces|t)|differ|compare[sd]?|comparison|versus|vs\.?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StrongCue();

    [GeneratedRegex(@"\b(?:differen(?:ce|ces|t)|differ|compare[sd]?|comparison|versus|vs\.?|or|better|instead of|between|compatible|compatibility|coexist|together)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cue();
}
