namespace Elex.Core.Text;

/// <summary>
/// A deliberately light suffix stripper: plurals, -ing, -ed, -ation and a final e, so that
/// "balancing", "balance" and "balanced" or "counters" and "counter" meet. Heavier stemmers
/// conflate RAN terms that must stay apart.
/// </summary>
internal static class Stemmer
{
    /// <summary>Stems one lower-case word.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsAsciiLetterLower(word[^1])) return word;
        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4) w = w[..^3] + "y";
        else if (w.EndsWith("sses", StringComparison.Ordinal)) w = w[..^2];
        else if (w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i')) w = w[..^1];

        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5) w = w[..^3];
        else if (w.EndsWith("ation", StringComparison.Ordinal) && w.Length > 6) w = w[..^3];
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4) w = w[..^2];

        if (w.Length > 3 && w[^1] == 'e') w = w[..^1];
        if (w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z')) w = w[..^1];
        return w;
    }
}
