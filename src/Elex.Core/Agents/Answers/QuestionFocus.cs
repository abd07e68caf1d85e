using Elex.Core.Catalog;
using Elex.Core.Text;

namespace Elex.Core.Agents;

/// <summary>
/// What a question asks about within a feature: its content words without the feature's own name
/// and the words every question of an intent uses ("counter", "parameter", "show"), so that
/// "which counters show the sleep time" puts the sleep-time counters first.
/// </summary>
internal sealed class QuestionFocus
{
    // Words that say which kind of fact is wanted, not which one; stemmed like the question.
    private static readonly HashSet<string> IntentWords = new(
        TermAnalyzer.Terms(
            "counter counters parameter parameters kpi kpis show shows work working list which what feature features use uses used " +
            "tell mo managed object attribute attributes set setting settings value values pm performance management measure " +
            "measurement indicator indicators key control controls related activate activation enable check monitor see need all " +
            "lte nr cell cells node 5g 4g eutran", keepStopWords: true),
        StringComparer.Ordinal);

    private readonly HashSet<string> _terms;

    public QuestionFocus(string question, FeatureFacts facts)
    {
        _terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in TermAnalyzer.Terms(question))
        {
            if (term.Length >= 2 && !IntentWords.Contains(term) && !facts.NameTerms.Contains(term)) _terms.Add(term);
        }
    }

    /// <summary>True when the question names something beyond the feature and the intent.</summary>
    public bool IsSpecific => _terms.Count > 0;

    /// <summary>How many of the question's focus words an identifier's words contain.</summary>
    public int Score(string[] identifierTerms)
    {
        var score = 0;
        foreach (var t in identifierTerms) if (_terms.Contains(t)) score++;
        return score;
    }

    /// <summary>The indices of the items that match the focus, best first (stable for ties).</summary>
    public List<int> Matching(string[][] termsByItem)
    {
        var hits = new List<(int Index, int Score)>();
        if (_terms.Count == 0) return [];
        for (var i = 0; i < termsByItem.Length; i++)
        {
            var s = Score(termsByItem[i]);
            if (s > 0) hits.Add((i, s));
        }
        hits.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index));
        return hits.ConvertAll(h => h.Index);
    }

    /// <summary>The parameters the question names by identifier (<c>sleepMode</c>, <c>MimoSleepFunction.sleepMode</c>).</summary>
    public static List<FeatureParameter> NamedParameters(Feature f, string question)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in Tokenizer.RawTokens(question))
            keys.Add(Tokenizer.LookupKey(t.Text.Contains('.') ? t.Text[(t.Text.LastIndexOf('.') + 1)..] : t.Text));
        return f.Parameters.Where(p => keys.Contains(Tokenizer.LookupKey(p.Name))).ToList();
    }
}
