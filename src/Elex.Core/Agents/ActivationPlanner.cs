using Elex.Core.Catalog;

namespace Elex.Core.Agents;

/// <summary>
/// Orders a feature's transitive prerequisites topologically (depth-first post-order, so every
/// prerequisite comes after the ones it requires) and reports cycles instead of looping.
/// </summary>
internal static class ActivationPlanner
{
    /// <summary>Plans the activation of <paramref name="target"/> within <paramref name="catalog"/>.</summary>
    public static ActivationPlan Plan(FeatureCatalog catalog, Feature target)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(target);
        var order = new List<Feature>();
        var missing = new List<FeatureCode>();
        var cycles = new List<IReadOnlyList<FeatureCode>>();
        var state = new Dictionary<FeatureCode, bool>(); // false = on the current path, true = done
        var path = new List<FeatureCode>();

        Visit(target);
        order.Remove(target);

        var conflicts = new List<Feature>();
        var missingConflicts = new List<FeatureCode>();
        foreach (var code in target.Conflicts)
        {
            if (catalog.Find(code) is { } f) conflicts.Add(f);
            else missingConflicts.Add(code);
        }
        return new ActivationPlan(target, order, missing, conflicts, missingConflicts, cycles);

        void Visit(Feature feature)
        {
            state[feature.Code] = false;
            path.Add(feature.Code);
            foreach (var code in feature.Requires)
            {
                if (state.TryGetValue(code, out var done))
                {
                    if (!done) cycles.Add([.. path[path.IndexOf(code)..], code]);
                    continue;
                }
                if (catalog.Find(code) is { } prerequisite) Visit(prerequisite);
                else if (!missing.Contains(code)) missing.Add(code);
            }
            path.RemoveAt(path.Count - 1);
            state[feature.Code] = true;
            order.Add(feature);
        }
    }
}
