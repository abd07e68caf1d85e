namespace Elex.Core.Catalog;

/// <summary>How a feature relates to a parameter, as stated by the feature description.</summary>
public enum ParameterRole
{
    /// <summary>The feature introduces the parameter.</summary>
    Introduced,
    /// <summary>The parameter changes how the feature behaves.</summary>
    Affecting,
    /// <summary>The feature changes the parameter's effect.</summary>
    Affected,
    /// <summary>The parameter is only mentioned.</summary>
    Referenced,
}
