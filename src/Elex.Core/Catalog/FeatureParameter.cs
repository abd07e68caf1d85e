namespace Elex.Core.Catalog;

/// <summary>A configuration parameter a feature touches: managed-object class, attribute name and role.</summary>
public sealed record FeatureParameter(string Mo, string Name, ParameterRole Role)
{
    /// <summary>The qualified form <c>Mo.name</c>.</summary>
    public string QualifiedName { get; } = $"{Mo}.{Name}";
}
