namespace Elex.Core.Catalog;

/// <summary>A catalog could not be loaded; <see cref="Issues"/> lists every error found (and the warnings).</summary>
public sealed class CatalogException : Exception
{
    /// <summary>Creates the exception from the findings of a load.</summary>
    public CatalogException(string source, IReadOnlyList<CatalogIssue> issues)
        : base(Describe(source, issues)) => Issues = issues;

    /// <summary>Creates the exception for a catalog that could not be read at all.</summary>
    public CatalogException(string source, string message, Exception? inner = null)
        : base($"Catalog '{source}': {message}", inner) =>
        Issues = [new CatalogIssue(CatalogIssueSeverity.Error, null, null, "(document)", message)];

    /// <summary>Every finding, errors first.</summary>
    public IReadOnlyList<CatalogIssue> Issues { get; }

    private static string Describe(string source, IReadOnlyList<CatalogIssue> issues)
    {
        var errors = issues.Where(i => i.Severity == CatalogIssueSeverity.Error).ToList();
        const int shown = 10;
        var lines = errors.Take(shown).Select(e => "  " + e);
        var more = errors.Count > shown ? $"\n  … and {errors.Count - shown} more" : "";
        return $"Catalog '{source}' has {errors.Count} error(s):\n{string.Join('\n', lines)}{more}";
    }
}
