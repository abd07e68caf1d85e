namespace Elex.Core.Catalog;

/// <summary>A performance-management counter a feature reports through, on a managed-object class.</summary>
public sealed record FeatureCounter(string Mo, string Name)
{
    /// <summary>The qualified form <c>Mo.name</c>.</summary>
    public string QualifiedName { get; } = $"{Mo}.{Name}";
}
