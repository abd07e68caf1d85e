using System.Collections.Concurrent;

namespace Elex.Core.Text;

/// <summary>
/// One shared string per word seen: a question's words are mostly words seen before (in the catalog
/// or in earlier questions), so tokenising, lower-casing and stemming them returns the strings already
/// made instead of new ones. Bounded, so text nobody repeats cannot grow it without limit; a word
/// beyond the bound is made afresh, exactly as without the cache.
/// </summary>
internal static class WordCache
{
    private const int MaxWords = 200_000;

    private static readonly ConcurrentDictionary<string, string> Words = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> WordsBySpan = Words.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly ConcurrentDictionary<string, string> Stems = new(StringComparer.Ordinal);

    /// <summary>The text of <paramref name="word"/> as a string, shared with every earlier use of the same text.</summary>
    public static string Of(ReadOnlySpan<char> word)
    {
        if (WordsBySpan.TryGetValue(word, out var known)) return known;
        var made = new string(word);
        return Words.Count < MaxWords ? Words.GetOrAdd(made, made) : made;
    }

    /// <summary><paramref name="word"/> in lower case (invariant), shared like <see cref="Of"/>.</summary>
    public static string LowerOf(ReadOnlySpan<char> word)
    {
        Span<char> lower = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        return Of(lower);
    }

    /// <summary>The stem of a word (<see cref="Stemmer.Stem"/>), computed once per word.</summary>
    public static string StemOf(string word)
    {
        if (Stems.TryGetValue(word, out var stem)) return stem;
        stem = Stemmer.Stem(word);
        if (Stems.Count < MaxWords) Stems.TryAdd(word, stem);
        return stem;
    }
}
