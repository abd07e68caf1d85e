namespace Elex.Dashboard.Services;

/// <summary>The page's query-string settings (<c>?catalog=URL</c>, <c>?model=URL</c>).</summary>
internal static class PageQuery
{
    /// <summary>The unescaped value of <paramref name="name"/> in <paramref name="page"/>'s query, or null when absent or empty.</summary>
    public static string? Value(Uri page, string name)
    {
        foreach (var pair in page.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[..equals] == name && equals < pair.Length - 1) return Uri.UnescapeDataString(pair[(equals + 1)..]);
        }
        return null;
    }
}
