using Elex.Core.Text;

namespace Elex.Core.Routing;

// Feature names: a name is matched by its terms in any order, and the most specific name wins.
internal sealed partial class ExactMatchIndex
{
    // A name is looked up through its rarest term (its anchor): a question term leads only to the names
    // anchored on it, each checked against the question's terms, so the work follows how many names could
    // match, not how many names share a common word ("NR", "LTE") — it stays small as the catalog grows.
    private (Dictionary<string, int[]> Anchors, RouteEvidence?[] Evidence) NameAnchors(Dictionary<string, int[]> postings)
    {
        var anchors = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var evidence = new RouteEvidence?[_nameTerms.Length];
        for (var ordinal = 0; ordinal < _nameTerms.Length; ordinal++)
        {
            var terms = _nameTerms[ordinal];
            if (terms.Length == 0) continue;
            var anchor = terms[0];
            foreach (var term in terms)
                if (postings[term].Length < postings[anchor].Length) anchor = term;
            AddOrdinal(anchors, anchor, ordinal);
            evidence[ordinal] = new RouteEvidence(MatchKind.Name, string.Join(' ', terms), 1);
        }
        return (Arrays(anchors), evidence);
    }

    // A feature whose every name term the question uses (in any order) is named by it. When one
    // matched name contains another ("NR Public Warning System" ⊃ "Public Warning System"), the
    // question names the more specific feature, so the contained one gets no name boost.
    private void MatchNames(List<string> terms, List<ExactHit> into)
    {
        if (terms.Count == 0) return;
        var scratch = t_nameScratch ??= new NameScratch();
        var questionTerms = scratch.Terms;
        var named = scratch.Named;
        questionTerms.Clear();
        named.Clear();
        for (var i = 0; i < terms.Count; i++) questionTerms.TryAdd(terms[i], i);
        foreach (var (term, _) in questionTerms)
        {
            if (!_nameAnchors.TryGetValue(term, out var ordinals)) continue;
            foreach (var ordinal in ordinals)
                if (AllIn(_nameTerms[ordinal], questionTerms, out var first)) named.Add((first, ordinal));
        }
        // In the order the question reaches each name (its first term the question uses), then by ordinal.
        named.Sort();
        foreach (var (_, ordinal) in named)
        {
            if (IsContainedInAnother(ordinal, named)) continue;
            var boost = MathF.Min(NameBoostMax, NameBoostPerTerm * (_nameTerms[ordinal].Length + 1));
            into.Add(new(ordinal, boost, _nameEvidence[ordinal]!));
        }
    }

    private static bool AllIn(string[] nameTerms, Dictionary<string, int> questionTerms, out int first)
    {
        first = int.MaxValue;
        foreach (var term in nameTerms)
        {
            if (!questionTerms.TryGetValue(term, out var position)) return false;
            first = Math.Min(first, position);
        }
        return true;
    }

    // "Limited-Uplink-Aware IFLB" names an add-on; the "IFLB" inside it is part of that name, not a
    // mention of Inter-Frequency Load Balancing itself.
    private void DropAcronymsInsideNames(List<ExactHit> hits, int namesStart)
    {
        if (hits.Count == namesStart) return;
        for (var i = namesStart - 1; i >= 0; i--)
        {
            var hit = hits[i];
            if (hit.Evidence.Kind != MatchKind.Acronym) continue;
            var acronym = Tokenizer.LookupKey(hit.Evidence.Text);
            for (var n = namesStart; n < hits.Count; n++)
            {
                if (hits[n].Ordinal == hit.Ordinal || Array.IndexOf(_nameTerms[hits[n].Ordinal], acronym) < 0) continue;
                hits.RemoveAt(i);
                namesStart--;
                break;
            }
        }
    }

    private bool IsContainedInAnother(int ordinal, List<(int First, int Ordinal)> named)
    {
        var terms = _nameTerms[ordinal];
        foreach (var (_, other) in named)
        {
            var otherTerms = _nameTerms[other];
            if (otherTerms.Length <= terms.Length) continue;
            var all = true;
            foreach (var t in terms)
            {
                if (Array.IndexOf(otherTerms, t) < 0)
                {
                    all = false;
                    break;
                }
            }
            if (all) return true;
        }
        return false;
    }

    [ThreadStatic]
    private static NameScratch? t_nameScratch;

    private sealed class NameScratch
    {
        // Each distinct question term with the position it first appears at.
        public readonly Dictionary<string, int> Terms = new(StringComparer.Ordinal);
        public readonly List<(int First, int Ordinal)> Named = [];
    }
}
