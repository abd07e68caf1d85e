namespace Elex.Core.Text;

/// <summary>
/// Turns text into the normalised terms the embedding and phrase matcher use: sub-words,
/// glossary expansion, stop-word removal and light stemming — identically for catalog text
/// and questions.
/// </summary>
public static class TermAnalyzer
{
    /// <summary>The normalised terms of a text, in order.</summary>
    public static List<string> Terms(string text, bool keepStopWords = false)
    {
        var terms = new List<string>();
        var words = new List<string>();
        foreach (var token in Tokenizer.RawTokens(text))
        {
            words.Clear();
            Tokenizer.SubWords(token.Text, words);
            foreach (var word in words) AddWord(word, terms, keepStopWords);
        }
        return terms;
    }

    /// <summary>Normalises one lower-case word into zero or more terms.</summary>
    public static void AddWord(string lowerWord, List<string> into, bool keepStopWords = false)
    {
        if (RanGlossary.Expand(lowerWord) is { } expansion)
        {
            foreach (var w in expansion) into.Add(Stemmer.Stem(w));
            return;
        }
        if (!keepStopWords && StopWords.Contains(lowerWord)) return;
        into.Add(Stemmer.Stem(lowerWord));
    }
}
