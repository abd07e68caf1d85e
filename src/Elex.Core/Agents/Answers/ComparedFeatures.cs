using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Elex.Core.Catalog;
using Elex.Core.Routing;

namespace Elex.Core.Agents;

/// <summary>
/// The features a comparison question sets side by side: a comparing cue ("difference between",
/// "vs", "compare", "or", "compatible with", "at the same time", "conflict", "interact") and at least two features named by FAJ code, whole name, or an acronym
/// only that feature has. A name inside a longer named feature's name ("MIMO Sleep Mode" in
/// "NR Massive MIMO Sleep Mode") counts only where it also stands on its own.
/// </summary>
internal static partial class ComparedFeatures
{
    private const int Most = 4;
    private static readonly ConditionalWeakTable<FeatureCatalog, CatalogPhrases> Phrases = new();

    /// <summary>The named features in the order the question names them when it compares them; empty otherwise.</summary>
    public static IReadOnlyList<Feature> Find(string text, FeatureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!Cue().IsMatch(text)) return [];
        var phrases = Phrases.GetValue(catalog, BuildPhrases);
        var mentions = new List<(Feature Feature, int Start, int Length, int Order)>();
        // Only the phrases whose first word is a word of the question can stand in it.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in Words(text))
        {
            if (!seen.Add(word) || !phrases.ByFirstWord.TryGetValue(word, out var candidates)) continue;
            foreach (var candidate in candidates) candidate.AddMentions(mentions, text);
        }
        foreach (var candidate in phrases.Unindexed) candidate.AddMentions(mentions, text);
        var standing = mentions
            .Where(m => !mentions.Any(o => o.Length > m.Length && o.Start <= m.Start && m.Start + m.Length <= o.Start + o.Length && o.Feature != m.Feature))
            .OrderBy(m => m.Start)
            .ThenBy(m => m.Order)
            .Select(m => m.Feature)
            .Distinct()
            .Take(Most)
            .ToList();
        return standing.Count >= 2 ? standing : [];
    }

    // A phrase (a name, a code or an acronym) of one feature, and how it is matched.
    private sealed record Phrase(Feature Feature, int Order, string Text, bool CaseSensitive, bool OnlyComparedDirectly)
    {
        public void AddMentions(List<(Feature, int, int, int)> mentions, string text)
        {
            if (OnlyComparedDirectly && !IsComparedDirectly(text, Text)) return;
            var comparison = CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            for (var at = text.IndexOf(Text, comparison); at >= 0; at = text.IndexOf(Text, at + 1, comparison))
            {
                if (IsWordBoundary(text, at - 1) && IsWordBoundary(text, at + Text.Length)) mentions.Add((Feature, at, Text.Length, Order));
            }
        }
    }

    // Every feature's phrases by their first word: a phrase stands in a question, bounded by non-word characters,
    // only where the question has that word. Phrases that do not start with a word are always tried.
    private sealed class CatalogPhrases
    {
        public Dictionary<string, List<Phrase>> ByFirstWord { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<Phrase> Unindexed { get; } = [];

        public void Add(Phrase phrase)
        {
            var first = FirstWord(phrase.Text);
            if (first.Length == 0)
            {
                Unindexed.Add(phrase);
                return;
            }
            if (!ByFirstWord.TryGetValue(first, out var list)) ByFirstWord[first] = list = [];
            list.Add(phrase);
        }

        private static string FirstWord(string phrase)
        {
            var end = 0;
            while (end < phrase.Length && char.IsLetterOrDigit(phrase[end])) end++;
            return phrase[..end];
        }
    }

    private static CatalogPhrases BuildPhrases(FeatureCatalog catalog)
    {
        var acronyms = Acronyms(catalog);
        var everydayAcronyms = Everyday(catalog);
        var phrases = new CatalogPhrases();
        // Order: the catalog's, then name, code, acronym — which of two mentions at one place comes first.
        var order = 0;
        foreach (var f in catalog.Features)
        {
            phrases.Add(new Phrase(f, order++, f.Name, CaseSensitive: false, OnlyComparedDirectly: false));
            phrases.Add(new Phrase(f, order++, f.Code.Value, CaseSensitive: false, OnlyComparedDirectly: false));
            if (f.Acronym is { Length: >= 2 } acronym && acronyms.Contains(acronym))
                phrases.Add(new Phrase(f, order, acronym, CaseSensitive: true, OnlyComparedDirectly: false));
            else if (f.Acronym is { Length: >= 2 } everyday && everydayAcronyms.Contains(everyday))
                phrases.Add(new Phrase(f, order, everyday, CaseSensitive: true, OnlyComparedDirectly: true));
            order++;
        }
        // "NR ANR": engineers name an NR counterpart ("NR Automated Neighbor Relations") by its LTE feature's acronym.
        var byName = new Dictionary<string, Feature>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in catalog.Features) byName.TryAdd(f.Name, f);
        order = 0;
        foreach (var f in catalog.Features)
        {
            if (f.Name.StartsWith(NrPrefix, StringComparison.Ordinal) && byName.TryGetValue(f.Name[NrPrefix.Length..], out var lte)
                && lte.Acronym is { Length: >= 2 } lteAcronym && acronyms.Contains(lteAcronym))
                phrases.Add(new Phrase(f, order + 2, NrPrefix + lteAcronym, CaseSensitive: true, OnlyComparedDirectly: false));
            order += 3;
        }
        return phrases;
    }

    private const string NrPrefix = "NR ";

    // The question's words: maximal runs of letters and digits.
    private static IEnumerable<string> Words(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            yield return text[start..i];
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

    /// <summary>True when the question asks how features differ ("difference", "compare", "vs"), not only whether they go together.</summary>
    public static bool AsksForDifference(string text) => StrongCue().IsMatch(text);

    [GeneratedRegex(@"\b(?:differen(?:ce|ces|t)|differ|compare[sd]?|comparison|versus|vs\.?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StrongCue();

    [GeneratedRegex(@"\b(?:differen(?:ce|ces|t)|differ|compare[sd]?|comparison|versus|vs\.?|or|better|instead of|between|compatible|compatibility|incompatible|coexist|co-exist|together|conflicts?|conflicting|clash(?:es)?|mutually exclusive|interact(?:s|ion|ions)?|at the same time|simultaneous(?:ly)?|alongside|in parallel|combined?|combination)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cue();
}
