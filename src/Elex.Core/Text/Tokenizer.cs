namespace Elex.Core.Text;

/// <summary>
/// Splits text into raw identifier tokens and then into lower-case sub-words: on separators
/// (<c>- . _</c>) and at camelCase boundaries, so <c>pmMimoSleepTime</c> yields
/// <c>pm mimo sleep time</c> and <c>Inter-Frequency</c> yields <c>inter frequency</c>.
/// </summary>
internal static class Tokenizer
{
    /// <summary>Identifier runs as written: letters, digits and the joiners <c>- . _</c> inside a run.</summary>
    public static List<RawToken> RawTokens(string text)
    {
        var tokens = new List<RawToken>();
        RawTokens(text, tokens);
        return tokens;
    }

    /// <summary>Appends the identifier runs of a text to <paramref name="tokens"/>.</summary>
    public static void RawTokens(string text, List<RawToken> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsAsciiLetterOrDigit(text[i])) i++;
            var start = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || (IsJoiner(text[i]) && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1])))) i++;
            if (i > start) tokens.Add(new RawToken(WordCache.Of(text.AsSpan(start, i - start)), start));
        }
    }

    /// <summary>Appends the lower-case sub-words of one raw token.</summary>
    public static void SubWords(string token, List<string> into)
    {
        if (IsBrandWord(token))
        {
            into.Add(WordCache.LowerOf(token));
            return;
        }
        var start = 0;
        for (var i = 1; i <= token.Length; i++)
        {
            if (i - 1 == start && NodeWordAt(token, start) is var node and > 0)
            {
                into.Add(WordCache.LowerOf(token.AsSpan(start, node)));
                start = start + node < token.Length ? start + node + 1 : token.Length;
                i = start;
                continue;
            }
            if (i == token.Length || IsJoiner(token[i]) || IsBoundary(token, i))
            {
                if (i > start && !IsJoiner(token[start])) into.Add(WordCache.LowerOf(token.AsSpan(start, i - start)));
                start = i < token.Length && IsJoiner(token[i]) ? i + 1 : i;
            }
        }
    }

    /// <summary>All lower-case sub-words of a text, in order.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var token in RawTokens(text)) SubWords(token.Text, words);
        return words;
    }

    /// <summary>
    /// The key used for exact lookups: lower case with joiners removed, so <c>sleepMode</c>,
    /// <c>SleepMode</c> and <c>sleep_mode</c> meet.
    /// </summary>
    public static string LookupKey(ReadOnlySpan<char> token)
    {
        Span<char> buffer = token.Length <= 256 ? stackalloc char[token.Length] : new char[token.Length];
        return new string(WriteLookupKey(token, buffer));
    }

    /// <summary>Writes the lookup key into <paramref name="buffer"/> (at least as long as the token) without allocating.</summary>
    public static ReadOnlySpan<char> WriteLookupKey(ReadOnlySpan<char> token, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in token)
        {
            if (IsJoiner(c) || c == ' ') continue;
            buffer[n++] = char.ToLowerInvariant(c);
        }
        return buffer[..n];
    }

    // "eNodeB" and "gNodeB" are one word to an engineer: split at their capitals they would be
    // "e node b", and any question that says "node" would seem to name "Inter-eNodeB Carrier Aggregation".
    // The length of such a word starting at `start` and ending at a joiner or the token's end, else 0.
    private static int NodeWordAt(string token, int start)
    {
        foreach (var word in NodeWords)
        {
            var end = start + word.Length;
            if (end <= token.Length && (end == token.Length || IsJoiner(token[end]))
                && token.AsSpan(start, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)) return word.Length;
        }
        return 0;
    }

    private static readonly string[] NodeWords = ["eNodeBs", "gNodeBs", "eNodeB", "gNodeB"];

    // "VoLTE", "VoNR", "ViLTE": a capitalised two-letter prefix glued to an acronym is one word,
    // written by engineers as "volte" just as often.
    private static bool IsBrandWord(string token)
    {
        if (token.Length < 4 || !char.IsAsciiLetterUpper(token[0]) || !char.IsAsciiLetterLower(token[1])) return false;
        for (var i = 2; i < token.Length; i++)
        {
            if (!char.IsAsciiLetterUpper(token[i]) && !char.IsAsciiDigit(token[i])) return false;
        }
        return true;
    }

    private static bool IsAllDigits(string s, int end)
    {
        for (var k = 0; k < end; k++) if (!char.IsAsciiDigit(s[k])) return false;
        return true;
    }

    private static int LetterRun(string s, int start)
    {
        var k = start;
        while (k < s.Length && char.IsAsciiLetter(s[k])) k++;
        return k - start;
    }

    private static bool IsJoiner(char c) => c is '-' or '.' or '_' or '/';

    // A boundary before i: lower/digit→Upper ("sleepMode"), or the last capital of an
    // upper-case run that starts a capitalised word ("PDCCHSymbols" → "PDCCH" + "Symbols").
    private static bool IsBoundary(string s, int i)
    {
        var prev = s[i - 1];
        var cur = s[i];
        // A number of two or more digits opening a token before a word of three or more letters
        // ("256QAM", "64qam") is written apart as often as together ("256-QAM", "256 QAM").
        if (char.IsAsciiDigit(prev) && char.IsAsciiLetter(cur) && i >= 2 && IsAllDigits(s, i) && LetterRun(s, i) >= 3) return true;
        if (char.IsAsciiLetterUpper(cur) && (char.IsAsciiLetterLower(prev) || (char.IsAsciiDigit(prev) && i >= 2 && char.IsAsciiLetterLower(s[i - 2]))))
            return true;
        return char.IsAsciiLetterUpper(prev) && char.IsAsciiLetterUpper(cur) && i + 1 < s.Length && char.IsAsciiLetterLower(s[i + 1])
            && i >= 3 && char.IsAsciiLetterUpper(s[i - 2]) && char.IsAsciiLetterUpper(s[i - 3]);
    }
}
