namespace Elex.Core.Text;

/// <summary>
/// Turns text into the normalised terms the embedding and phrase matcher use: sub-words,
/// glossary expansion, stop-word removal and light stemming — identically for catalog text
/// and questions.
/// </summary>
internal static class TermAnalyzer
{
    /// <summary>The normalised terms of a text, in order.</summary>
    public static List<string> Terms(string text, bool keepStopWords = false)
    {
        var terms = new List<string>();
        TermsInto(text, terms, keepStopWords);
        return terms;
    }

    [ThreadStatic] private static List<RawToken>? t_tokens;

    /// <summary>Appends the normalised terms of a text to <paramref name="into"/>, allocating nothing else.</summary>
    public static void TermsInto(string text, List<string> into, bool keepStopWords = false)
    {
        var tokens = t_tokens ??= [];
        tokens.Clear();
        Tokenizer.RawTokens(text, tokens);
        var words = t_words ??= [];
        foreach (var token in tokens)
        {
            words.Clear();
            Tokenizer.SubWords(token.Text, words);
            foreach (var word in words) AddWord(word, into, keepStopWords);
        }
    }

    // The sub-words of one token at a time; per thread, so analysing a question allocates only its terms.
    [ThreadStatic] private static List<string>? t_words;

    /// <summary>Splits a text into raw tokens, word terms and identifier terms.</summary>
    public static AnalyzedText Analyze(string text)
    {
        var analyzed = new AnalyzedText([], [], []);
        AnalyzeInto(text, analyzed);
        return analyzed;
    }

    /// <summary>
    /// Analyses a question into a reused <paramref name="into"/> (cleared first): a route analyses its question without
    /// allocating. The node it points at ("on node ERBS7") is left out of its terms (<see cref="TargetWords"/>), and
    /// "uplink speed" is read as throughput (<see cref="DataSpeed"/>).
    /// </summary>
    public static void AnalyzeInto(string text, AnalyzedText into)
    {
        into.Clear();
        Tokenizer.RawTokens(text, into.Tokens);
        var words = t_words ??= [];
        for (var i = 0; i < into.Tokens.Count; i++)
        {
            var token = into.Tokens[i];
            if (TargetWords.IsTarget(into.Tokens, i)) continue;
            if (DataSpeed.LinkOf(into.Tokens, i) is { } link)
            {
                into.WordTerms.Add(WordCache.StemOf(link));
                continue;
            }
            if (DataSpeed.MeansThroughput(into.Tokens, i))
            {
                into.WordTerms.Add(WordCache.StemOf("throughput"));
                continue;
            }
            words.Clear();
            Tokenizer.SubWords(token.Text, words);
            if (IsIdentifier(token.Text))
            {
                foreach (var word in words)
                {
                    if (!StopWords.Contains(word)) into.IdentifierTerms.Add(WordCache.StemOf(word));
                }
            }
            else
            {
                foreach (var word in words) AddWord(word, into.WordTerms);
            }
        }
    }

    /// <summary>
    /// True for a machine identifier rather than a word: camelCase starting lower case
    /// (<c>sleepMode</c>, <c>pmMimoSleepTime</c>), dotted or underscored names, UPPER_SNAKE events.
    /// Brand-like words (<c>VoLTE</c>, <c>IPv6</c>) start upper case and stay words.
    /// </summary>
    public static bool IsIdentifier(string token)
    {
        if (token.Contains('.') || token.Contains('_')) return true;
        if (!char.IsAsciiLetterLower(token[0])) return false;
        for (var i = 1; i < token.Length; i++)
        {
            if (char.IsAsciiLetterUpper(token[i])) return true;
        }
        return false;
    }

    /// <summary>Normalises one lower-case word into zero or more terms.</summary>
    public static void AddWord(string lowerWord, List<string> into, bool keepStopWords = false)
    {
        if (RanGlossary.Expand(lowerWord) is { } expansion)
        {
            foreach (var w in expansion) into.Add(WordCache.StemOf(w));
            return;
        }
        if (!keepStopWords && StopWords.Contains(lowerWord)) return;
        into.Add(WordCache.StemOf(lowerWord));
    }
}
