using System.Collections.Frozen;

namespace Elex.Core.Text;

/// <summary>English function words and question words that carry no feature identity.</summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "without",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "done", "have", "has", "had",
        "i", "me", "my", "we", "our", "you", "your", "it", "its", "this", "that", "these", "those", "there", "here",
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whether",
        "can", "could", "should", "would", "will", "shall", "may", "might", "must",
        "please", "tell", "explain", "describe", "give", "show", "list", "about", "some", "any", "all", "each", "every", "both", "either", "neither",
        "so", "if", "then", "than", "too", "very", "just", "also", "only", "into", "out", "up", "down", "over", "under",
        "not", "no", "yes", "as", "such", "via", "per", "after", "before", "while", "during", "again", "seem", "seems",
        "get", "gets", "got", "need", "needs", "want", "know", "let", "make", "use", "used", "using", "uses",
        "counter", "counters", "parameter", "parameters", "kpi", "kpis", "measure", "measures", "value", "values", "recommended",
        "feature", "features", "work", "works", "working", "going", "thing", "things", "guide", "overview",
        // Every feature has a licence: asking whether one is licensed names no feature ("licensing" stays, a feature's name).
        "licence", "licences", "license", "licenses", "licensed", "licenced", "unlicensed",
        // What is left of a contraction ("what's", "don't", "they're").
        "s", "t", "re", "ve", "ll",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for a lower-case word that carries no feature identity.</summary>
    public static bool Contains(string lowerWord) => Words.Contains(lowerWord);
}
