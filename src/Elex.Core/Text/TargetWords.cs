using System.Collections.Frozen;

namespace Elex.Core.Text;

/// <summary>
/// "on a node", "on node ERBS7", "at the site": the node a question is about is where, not what.
/// Such a word names no feature, yet catalog text that speaks of nodes ("inter-node carrier aggregation")
/// would pull the question towards it. A place word counts as a target when a locating preposition (and
/// perhaps a determiner) comes before it and nothing that could make it part of a term comes after:
/// the end, a name or number ("ERBS7", "X", "12") or a function word. Cells are left as they are: which
/// cell class a question names ("on cell X" beside an LTE parameter) still tells LTE features from NR ones,
/// and so do "eNodeB" and "gNodeB", which say which radio technology the question is about.
/// </summary>
internal static class TargetWords
{
    private static readonly FrozenSet<string> Places = new[]
    {
        "node", "nodes", "site", "sites",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Locating = new[] { "on", "in", "at", "per", "across" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Determiners = new[]
    {
        "a", "an", "the", "this", "that", "these", "those", "each", "every", "all", "any", "one", "my", "our", "some", "its",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="tokens"/>[<paramref name="at"/>] is a place the question points at, not a topic.</summary>
    public static bool IsTarget(List<RawToken> tokens, int at)
    {
        if (!Places.Contains(tokens[at].Text)) return false;
        var before = at - 1;
        if (before >= 0 && Determiners.Contains(tokens[before].Text)) before--;
        if (before < 0 || !Locating.Contains(tokens[before].Text)) return false;
        if (at + 1 == tokens.Count) return true;
        var next = tokens[at + 1].Text;
        return next.AsSpan().IndexOfAnyInRange('0', '9') >= 0 || next.Length == 1 || char.IsAsciiLetterUpper(next[0])
            || StopWords.Contains(WordCache.LowerOf(next));
    }
}
