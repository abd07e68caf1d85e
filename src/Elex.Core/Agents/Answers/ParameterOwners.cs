using System.Runtime.CompilerServices;
using Elex.Core.Catalog;

namespace Elex.Core.Agents;

/// <summary>
/// Every feature that introduces or affects a parameter of a given name, on whichever managed object: "sleepMode"
/// is MIMO Sleep Mode's on MimoSleepFunction and NR Massive MIMO Sleep Mode's on MMimoSleepProfile, so an answer
/// about one says the other exists before anyone changes the wrong one.
/// </summary>
internal static class ParameterOwners
{
    private const int Shown = 4;
    private static readonly ConditionalWeakTable<FeatureCatalog, Dictionary<string, List<(Feature Feature, FeatureParameter Parameter)>>> ByName = new();

    /// <summary>The other features' parameters named like <paramref name="parameter"/> (not merely referenced), in catalog order.</summary>
    public static List<(Feature Feature, FeatureParameter Parameter)> Others(FeatureCatalog catalog, Feature f, FeatureParameter parameter)
    {
        var others = new List<(Feature, FeatureParameter)>();
        if (!ByName.GetValue(catalog, Index).TryGetValue(parameter.Name, out var owners)) return others;
        foreach (var owner in owners)
            if (owner.Feature != f) others.Add(owner);
        return others;
    }

    /// <summary>"sleepMode is also a parameter of …" for the answer's text, or null when no other feature has one.</summary>
    public static string? AlsoOf(FeatureCatalog catalog, Feature f, FeatureParameter parameter)
    {
        var others = Others(catalog, f, parameter);
        if (others.Count == 0) return null;
        var text = new System.Text.StringBuilder().Append(parameter.Name).Append(" is also a parameter of ");
        for (var i = 0; i < Math.Min(Shown, others.Count); i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(DisplayNames.Of(others[i].Feature)).Append(" on ").Append(others[i].Parameter.Mo);
        }
        if (others.Count > Shown) text.Append(" (").Append(Shown).Append(" of ").Append(others.Count).Append(" shown)");
        return text.Append(": check which one you mean.").ToString();
    }

    private static Dictionary<string, List<(Feature, FeatureParameter)>> Index(FeatureCatalog catalog)
    {
        var index = new Dictionary<string, List<(Feature, FeatureParameter)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in catalog.Features)
        {
            foreach (var p in f.Parameters)
            {
                if (p.Role == ParameterRole.Referenced) continue;
                if (!index.TryGetValue(p.Name, out var owners)) index[p.Name] = owners = [];
                // One entry per feature and MO: a name on two MOs of one feature is two places to set it.
                if (!owners.Exists(o => o.Item1 == f && o.Item2.Mo == p.Mo)) owners.Add((f, p));
            }
        }
        return index;
    }
}
