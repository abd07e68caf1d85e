using Elex.Core.Catalog;

namespace Elex.Core.Agents;

/// <summary>
/// "Read which of them are active": the FeatureState read of each feature an answer names whose state decides on a
/// node (conflicting ones, prerequisites, the pair asked about), with the no-node warning. Reads only, always safe.
/// </summary>
internal static class FeatureStateReads
{
    /// <summary>Appends the line and one read per feature with a key; nothing when none has one.</summary>
    public static void Append(AnswerBuilder a, IEnumerable<Feature> features, string? node)
    {
        var keyed = features.Where(f => f.Cxc is not null).Distinct().ToList();
        if (keyed.Count == 0) return;
        a.Line($"Read which of them are active{(node is null ? "" : $" on {node}")}: featureState ACTIVATED means on.");
        foreach (var f in keyed) a.Command(Cmedit.GetFeatureState(f, node));
        if (node is null) a.Warning(Cmedit.NoNodeWarning);
    }
}
