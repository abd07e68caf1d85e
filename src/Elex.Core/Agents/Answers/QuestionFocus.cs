using Elex.Core.Catalog;
using Elex.Core.Text;

namespace Elex.Core.Agents;

/// <summary>
/// What a question asks about within a feature: its content words without the feature's own name
/// and the words every question of an intent uses ("counter", "parameter", "show"), so that
/// "which counters show the tx off ratio" puts those counters first.
/// </summary>
internal readonly struct QuestionFocus
{
    // Words that say which kind of fact is wanted, not which one; stemmed like the question.
    private static readonly HashSet<string> IntentWords = new(
        TermAnalyzer.Terms(
            "counter counters parameter parameters kpi kpis show shows work working list which what feature features use uses used " +
            "tell mo managed object attribute attributes set setting settings value values pm performance management measure " +
            "measurement indicator indicators key control controls related activate activation enable check monitor see need all " +
            "lte nr cell cells node 5g 4g eutran", keepStopWords: true),
        StringComparer.Ordinal);

    private readonly HashSet<string> _question;
    private readonly HashSet<string> _name;

    public QuestionFocus(AnswerContext context, FeatureFacts facts)
    {
        _question = context.Terms;
        _name = facts.NameTerms;
        var specific = false;
        foreach (var t in _question)
        {
            if (Counts(t))
            {
                specific = true;
                break;
            }
        }
        IsSpecific = specific;
    }

    /// <summary>True when the question names something beyond the feature and the intent.</summary>
    public bool IsSpecific { get; }

    /// <summary>How many of the question's focus words an identifier's words contain.</summary>
    public int Score(string[] identifierTerms)
    {
        var score = 0;
        foreach (var t in identifierTerms) if (_question.Contains(t) && Counts(t)) score++;
        return score;
    }

    /// <summary>The indices of the items that match the focus, best first (stable for ties).</summary>
    public List<int> Matching(string[][] termsByItem)
    {
        if (!IsSpecific) return [];
        var hits = new List<(int Index, int Score)>();
        for (var i = 0; i < termsByItem.Length; i++)
        {
            var s = Score(termsByItem[i]);
            if (s > 0) hits.Add((i, s));
        }
        hits.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index));
        return hits.ConvertAll(h => h.Index);
    }

    /// <summary>The parameters the question names by identifier (<c>sleepMode</c>, <c>MimoSleepFunction.sleepMode</c>).</summary>
    public static List<FeatureParameter> NamedParameters(Feature f, FeatureFacts facts, AnswerContext context)
    {
        var named = new List<FeatureParameter>();
        var keys = context.LookupKeys;
        for (var i = 0; i < facts.ParameterKeys.Length; i++)
        {
            if (keys.Contains(facts.ParameterKeys[i])) named.Add(f.Parameters[i]);
        }
        return named;
    }

    private bool Counts(string term) => term.Length >= 2 && !IntentWords.Contains(term) && !_name.Contains(term);
}
