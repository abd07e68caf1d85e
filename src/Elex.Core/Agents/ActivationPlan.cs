using Elex.Core.Catalog;

namespace Elex.Core.Agents;

/// <summary>
/// What activating a feature involves: its prerequisites in dependency order (each after the
/// ones it needs), the conflicting features to check, and problems found in the graph.
/// </summary>
internal sealed record ActivationPlan(
    Feature Target,
    IReadOnlyList<Feature> PrerequisitesInOrder,
    IReadOnlyList<FeatureCode> MissingPrerequisites,
    IReadOnlyList<Feature> Conflicts,
    IReadOnlyList<FeatureCode> MissingConflicts,
    IReadOnlyList<IReadOnlyList<FeatureCode>> Cycles);
