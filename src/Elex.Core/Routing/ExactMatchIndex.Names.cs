using Elex.Core.Text;

namespace Elex.Core.Routing;

// Feature names: a name is matched by its terms in any order, and the most specific name wins.
internal sealed partial class ExactMatchIndex
{
    // A feature whose every name term the question uses (in any order) is named by it. When one
    // matched name contains another ("NR Public Warning System" ⊃ "Public Warning System"), the
    // question names the more specific feature, so the contained one gets no name boost.
    private void MatchNames(List<string> terms, List<ExactHit> into)
    {
        if (terms.Count == 0) return;
        var scratch = t_nameScratch ??= new NameScratch();
        if (scratch.Counts.Length < _nameTerms.Length) scratch.Counts = new int[_nameTerms.Length];
        var counts = scratch.Counts;
        var touched = scratch.Touched;
        var named = scratch.Named;
        touched.Clear();
        named.Clear();
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms.IndexOf(terms[i], 0, i) >= 0 || !_nameTermPostings.TryGetValue(terms[i], out var ordinals)) continue;
            foreach (var ordinal in ordinals)
            {
                if (counts[ordinal]++ == 0) touched.Add(ordinal);
            }
        }
        foreach (var ordinal in touched)
        {
            if (counts[ordinal] == _nameTerms[ordinal].Length) named.Add(ordinal);
            counts[ordinal] = 0;
        }
        foreach (var ordinal in named)
        {
            var nameTerms = _nameTerms[ordinal];
            if (IsContainedInAnother(ordinal, named)) continue;
            var boost = MathF.Min(NameBoostMax, NameBoostPerTerm * (nameTerms.Length + 1));
            into.Add(new(ordinal, boost, new RouteEvidence(MatchKind.Name, string.Join(' ', nameTerms), 1)));
        }
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

    private bool IsContainedInAnother(int ordinal, List<int> named)
    {
        var terms = _nameTerms[ordinal];
        foreach (var other in named)
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
        public int[] Counts = [];
        public readonly List<int> Touched = [];
        public readonly List<int> Named = [];
    }
}
