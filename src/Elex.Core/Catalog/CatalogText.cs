namespace Elex.Core.Catalog;

/// <summary>
/// Whitespace in catalog text: exports pad words with runs of spaces, tabs or line breaks
/// ("downlink cell      throughput"), which would show in answers and split matches. Every run
/// becomes one space and the ends are trimmed.
/// </summary>
internal static class CatalogText
{
    /// <summary>The text with every run of whitespace collapsed to one space, trimmed.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasInnerWhitespaceRuns(text) && text.AsSpan().Trim().Length == text.Length) return text;
        var builder = new System.Text.StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>True when the text has a run of whitespace inside it or whitespace other than a plain space (more than trimming would fix).</summary>
    public static bool HasInnerWhitespaceRuns(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (!char.IsWhiteSpace(trimmed[i])) continue;
            if (trimmed[i] != ' ' || (i + 1 < trimmed.Length && char.IsWhiteSpace(trimmed[i + 1]))) return true;
        }
        return false;
    }
}
