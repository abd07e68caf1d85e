namespace Elex.Core.Safety;

/// <summary>Safe zones could not be loaded; <see cref="Issues"/> lists every error found.</summary>
public sealed class SafeZoneException : Exception
{
    /// <summary>Creates the exception from every error found in <paramref name="source"/>.</summary>
    public SafeZoneException(string source, IReadOnlyList<SafeZoneIssue> issues)
        : base(Describe(source, issues))
    {
        SourceName = source;
        Issues = issues;
    }

    /// <summary>Creates the exception for a source that could not be read at all.</summary>
    public SafeZoneException(string source, string message, Exception? inner = null)
        : base($"Safe zones '{source}': {message}", inner)
    {
        SourceName = source;
        Issues = [new SafeZoneIssue(null, null, "(document)", message)];
    }

    /// <summary>Every error, in document order.</summary>
    public IReadOnlyList<SafeZoneIssue> Issues { get; }

    /// <summary>The file path or name of the source that failed.</summary>
    public string SourceName { get; }

    private static string Describe(string source, IReadOnlyList<SafeZoneIssue> issues)
    {
        const int shown = 10;
        var lines = issues.Take(shown).Select(e => "  " + e);
        var more = issues.Count > shown ? $"\n  … and {issues.Count - shown} more" : "";
        return $"Safe zones '{source}' have {issues.Count} error(s):\n{string.Join('\n', lines)}{more}";
    }
}
