using Elex.Core.Catalog;
using Elex.Core.Text;

namespace Elex.Core.Routing;

/// <summary>
/// Each feature's add-ons: the features whose name holds its whole name ("Accelerated Inter-Frequency
/// Load Balancing") or its acronym ("IFLB Activation Threshold"). A question that names the parent
/// is often about one of them — when it also uses a word of the add-on's own name, the parent's
/// name evidence is shared with that add-on and the sentence model decides between them.
/// </summary>
internal sealed class FeatureFamilies
{
    private static readonly (int, string[])[] None = [];
    // Words that say which radio technology, not which add-on.
    private static readonly HashSet<string> RatWords = new(TermAnalyzer.Terms("lte nr 4g 5g eutran", keepStopWords: true), StringComparer.Ordinal);
    private readonly (int Member, string[] Distinct)[][] _members;

    public FeatureFamilies(FeatureCatalog catalog)
    {
        var terms = catalog.Features.Select(f => TermAnalyzer.Terms(f.Name).ToHashSet(StringComparer.Ordinal)).ToArray();
        var words = catalog.Features.Select(f => Tokenizer.RawTokens(f.Name).Select(t => t.Text).ToHashSet(StringComparer.Ordinal)).ToArray();
        _members = new (int, string[])[catalog.Count][];
        for (var p = 0; p < catalog.Count; p++)
        {
            var parent = catalog[p];
            var acronym = parent.Acronym is { Length: >= 3 } a ? a : null;
            var family = new List<(int, string[])>();
            for (var f = 0; f < catalog.Count; f++)
            {
                if (f == p) continue;
                var holdsName = terms[p].Count >= 2 && terms[f].Count > terms[p].Count && terms[p].IsSubsetOf(terms[f]);
                var holdsAcronym = acronym is not null && words[f].Contains(acronym);
                if (!holdsName && !holdsAcronym) continue;
                var distinct = terms[f].Where(t => !terms[p].Contains(t) && !RatWords.Contains(t)).ToArray();
                if (distinct.Length > 0) family.Add((f, distinct));
            }
            _members[p] = family.Count == 0 ? None : [.. family];
        }
    }

    /// <summary>The ordinals of the features in <paramref name="ordinal"/>'s family.</summary>
    public IEnumerable<int> Of(int ordinal) => _members[ordinal].Select(m => m.Member);

    /// <summary>
    /// The add-ons of <paramref name="ordinal"/> the question points at: those with a word of their own
    /// name (beyond the parent's name and RAT words) among the question's terms — "activation level"
    /// points at "IFLB Activation Threshold"; "which parameters configure MIMO Sleep Mode" at none.
    /// </summary>
    public IEnumerable<int> PointedAt(int ordinal, IReadOnlyCollection<string> questionTerms)
    {
        foreach (var (member, distinct) in _members[ordinal])
        {
            foreach (var t in distinct)
            {
                if (questionTerms.Contains(t))
                {
                    yield return member;
                    break;
                }
            }
        }
    }
}
