using System.Collections.Frozen;

namespace Elex.Core.Text;

/// <summary>
/// The shortened words Ericsson counter and parameter names are built from — pmHoPrepAtt is "handover
/// preparation attempts", pmAnrNeighbrelAdd "neighbour relations added", ulDynUeAdmCtrlOverloadThr an
/// "overload threshold" — spelled out, so a question in whole words finds the counters and parameters
/// it describes. Used for the identifiers an answer ranks, not for routing; each abbreviation keeps
/// its own term too. Written from the naming the catalog's counters and parameters use.
/// </summary>
internal static class IdentifierAbbreviations
{
    private static readonly FrozenDictionary<string, string[]> SpelledOut = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["att"] = ["attempt"],
        ["succ"] = ["success", "successful", "succeed"],
        ["fail"] = ["failure"],
        ["prep"] = ["preparation", "prepare"],
        ["exe"] = ["execution", "execute"],
        ["estab"] = ["establishment", "establish"],
        ["reest"] = ["reestablishment", "establishment"],
        ["conn"] = ["connection", "connect"],
        ["rel"] = ["release"],
        ["rej"] = ["rejection", "reject"],
        ["thp"] = ["throughput"],
        ["vol"] = ["volume"],
        ["distr"] = ["distribution"],
        ["util"] = ["utilization", "utilisation"],
        ["add"] = ["addition"],
        ["rem"] = ["removal", "remove"],
        ["neighbrel"] = ["neighbour", "relation"],
        ["sched"] = ["scheduling"],
        ["meas"] = ["measurement"],
        ["thresh"] = ["threshold"],
        ["thr"] = ["threshold"],
        ["hyst"] = ["hysteresis"],
        ["adm"] = ["admission"],
        ["ctrl"] = ["control"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    [ThreadStatic] private static List<string>? t_words;

    /// <summary>The normalised terms of an identifier (as <see cref="TermAnalyzer.TermsInto"/>) with its abbreviations spelled out.</summary>
    public static string[] Terms(string identifier)
    {
        var terms = new List<string>();
        var words = t_words ??= [];
        words.Clear();
        foreach (var token in Tokenizer.RawTokens(identifier)) Tokenizer.SubWords(token.Text, words);
        foreach (var word in words)
        {
            TermAnalyzer.AddWord(word, terms);
            if (SpelledOut.TryGetValue(word, out var spelled))
                foreach (var w in spelled) TermAnalyzer.AddWord(w, terms);
        }
        return [.. terms.Distinct(StringComparer.Ordinal)];
    }
}
