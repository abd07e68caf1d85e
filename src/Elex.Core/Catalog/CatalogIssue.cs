namespace Elex.Core.Catalog;

/// <summary>How serious a catalog finding is.</summary>
public enum CatalogIssueSeverity
{
    /// <summary>The catalog is usable; the finding is reported.</summary>
    Warning,
    /// <summary>The catalog cannot be used.</summary>
    Error,
}

/// <summary>
/// One finding about a catalog, naming where it is: the feature's index and code (when known) and the field.
/// </summary>
public sealed record CatalogIssue(CatalogIssueSeverity Severity, int? FeatureIndex, string? FeatureCode, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = FeatureIndex is { } i
            ? FeatureCode is { } c ? $"features[{i}] ({c})" : $"features[{i}]"
            : "catalog";
        return $"{Severity.ToString().ToLowerInvariant()}: {where}.{Field}: {Message}";
    }
}
