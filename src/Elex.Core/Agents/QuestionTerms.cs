using Elex.Core.Text;

namespace Elex.Core.Agents;

/// <summary>
/// What an answer reads from its question's words: terms, lookup keys, a whole analysis. The working
/// lists are per thread and reused, and the words are the shared strings of <see cref="WordCache"/>, so
/// an answer allocates the sets it keeps and nothing on the way.
/// </summary>
internal static class QuestionTerms
{
    [ThreadStatic] private static List<string>? t_terms;
    [ThreadStatic] private static List<RawToken>? t_tokens;
    [ThreadStatic] private static AnalyzedText? t_analysis;

    /// <summary>The normalised terms of a question (stemmed, stop words out) as a set.</summary>
    public static HashSet<string> Of(string text)
    {
        var terms = t_terms ??= [];
        terms.Clear();
        TermAnalyzer.TermsInto(text, terms);
        var set = new HashSet<string>(terms.Count, StringComparer.Ordinal);
        foreach (var term in terms) set.Add(term);
        return set;
    }

    /// <summary>The exact-lookup keys of a question's tokens; an MO-qualified name (<c>NRCellDU.sleepMode</c>) counts by its attribute.</summary>
    public static HashSet<string> LookupKeysOf(string text)
    {
        var tokens = t_tokens ??= [];
        tokens.Clear();
        Tokenizer.RawTokens(text, tokens);
        var keys = new HashSet<string>(tokens.Count, StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[256];
        foreach (var token in tokens)
        {
            var name = token.Text.AsSpan(token.Text.LastIndexOf('.') + 1);
            keys.Add(name.Length <= buffer.Length ? WordCache.Of(Tokenizer.WriteLookupKey(name, buffer)) : Tokenizer.LookupKey(name));
        }
        return keys;
    }

    /// <summary>Reads something from the question's analysis without keeping the analysis.</summary>
    public static T WithAnalysis<T>(string text, Func<AnalyzedText, T> read)
    {
        var analysis = t_analysis ??= new AnalyzedText([], [], []);
        TermAnalyzer.AnalyzeInto(text, analysis);
        return read(analysis);
    }
}
