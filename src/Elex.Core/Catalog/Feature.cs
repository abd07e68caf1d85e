namespace Elex.Core.Catalog;

/// <summary>One RAN feature with every fact the catalog holds about it.</summary>
public sealed record Feature
{
    /// <summary>The feature identity (FAJ code).</summary>
    public required FeatureCode Code { get; init; }
    /// <summary>Licence / feature-state key used in activation commands; null when the feature has none.</summary>
    public string? Cxc { get; init; }
    /// <summary>Full feature name.</summary>
    public required string Name { get; init; }
    /// <summary>Short name; not unique across features.</summary>
    public string? Acronym { get; init; }
    /// <summary>Functional domain, e.g. "MIMO &amp; Antenna".</summary>
    public string Domain { get; init; } = "";
    /// <summary>Parameters with their MO class and role.</summary>
    public IReadOnlyList<FeatureParameter> Parameters { get; init; } = [];
    /// <summary>PM counters.</summary>
    public IReadOnlyList<FeatureCounter> Counters { get; init; } = [];
    /// <summary>KPIs the feature influences.</summary>
    public IReadOnlyList<string> Kpis { get; init; } = [];
    /// <summary>Trace events.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];
    /// <summary>Prerequisite features.</summary>
    public IReadOnlyList<FeatureCode> Requires { get; init; } = [];
    /// <summary>Features that must not be active together with this one.</summary>
    public IReadOnlyList<FeatureCode> Conflicts { get; init; } = [];
    /// <summary>Related features.</summary>
    public IReadOnlyList<FeatureCode> Related { get; init; } = [];
    /// <summary>Software releases the feature appears in.</summary>
    public IReadOnlyList<string> Releases { get; init; } = [];

    /// <summary>"Name (ACR, FAJ ...)" for display.</summary>
    public string DisplayName => Acronym is null ? $"{Name} ({Code})" : $"{Name} ({Acronym}, {Code})";
}
