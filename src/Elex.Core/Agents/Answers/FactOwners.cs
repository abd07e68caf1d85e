using System.Runtime.CompilerServices;
using Elex.Core.Catalog;

namespace Elex.Core.Agents;

/// <summary>
/// Every feature that owns a parameter or a counter of a given name, on whichever managed object: "sleepMode" is
/// MIMO Sleep Mode's on MimoSleepFunction and NR Massive MIMO Sleep Mode's on MMimoSleepProfile; pmTxOffRatio is
/// counted for MIMO Sleep Mode and Micro Sleep Tx alike. An answer about one says the others exist, before anyone
/// changes the wrong parameter or reads a counter as one feature's alone.
/// </summary>
internal static class FactOwners
{
    private const int Shown = 4;
    private static readonly ConditionalWeakTable<FeatureCatalog, Index> Indexes = new();

    /// <summary>"sleepMode is also a parameter of …", or null when no other feature introduces or affects one of that name.</summary>
    public static string? ParameterAlsoOf(FeatureCatalog catalog, Feature f, FeatureParameter parameter) =>
        AlsoOf(Indexes.GetValue(catalog, Build).Parameters, f, parameter.Name, "a parameter", ": check which one you mean.");

    /// <summary>"pmTxOffRatio is also a counter of …", or null when no other feature lists one of that name.</summary>
    public static string? CounterAlsoOf(FeatureCatalog catalog, Feature f, FeatureCounter counter) =>
        AlsoOf(Indexes.GetValue(catalog, Build).Counters, f, counter.Name, "a counter", ": a change in it may come from any of them.");

    private static string? AlsoOf(Dictionary<string, List<(Feature Feature, string Mo)>> index, Feature f, string name, string what, string advice)
    {
        if (!index.TryGetValue(name, out var owners)) return null;
        var others = owners.FindAll(o => o.Feature != f);
        if (others.Count == 0) return null;
        var text = new System.Text.StringBuilder().Append(name).Append(" is also ").Append(what).Append(" of ");
        for (var i = 0; i < Math.Min(Shown, others.Count); i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(DisplayNames.Of(others[i].Feature)).Append(" on ").Append(others[i].Mo);
        }
        if (others.Count > Shown) text.Append(" (").Append(Shown).Append(" of ").Append(others.Count).Append(" shown)");
        return text.Append(advice).ToString();
    }

    /// <summary>
    /// The other features that introduce or affect a parameter <paramref name="f"/> introduces (same managed object and name),
    /// with how many they share, most first: undeclared interactions, since tuning one changes the other.
    /// </summary>
    public static IReadOnlyList<(Feature Feature, int Shared)> SharingIntroducedParameters(FeatureCatalog catalog, Feature f)
    {
        var index = Indexes.GetValue(catalog, Build);
        // The catalog does not change under an answer: each feature's list is counted once.
        return index.Sharing.GetOrAdd(f, static (f, byQualifiedName) => CountSharing(f, byQualifiedName), index.ByQualifiedName);
    }

    private static (Feature Feature, int Shared)[] CountSharing(Feature f, Dictionary<string, List<Feature>> byQualifiedName)
    {
        var shared = new Dictionary<Feature, int>(ReferenceEqualityComparer.Instance);
        foreach (var p in f.Parameters)
        {
            if (p.Role != ParameterRole.Introduced || !byQualifiedName.TryGetValue(p.QualifiedName, out var owners)) continue;
            foreach (var other in owners)
                if (other != f) shared[other] = shared.GetValueOrDefault(other) + 1;
        }
        var ranked = shared.Select(kv => (kv.Key, kv.Value)).ToArray();
        Array.Sort(ranked, static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key.Code.Value, b.Key.Code.Value));
        return ranked;
    }

    private sealed record Index(
        Dictionary<string, List<(Feature Feature, string Mo)>> Parameters,
        Dictionary<string, List<(Feature Feature, string Mo)>> Counters,
        Dictionary<string, List<Feature>> ByQualifiedName)
    {
        public System.Collections.Concurrent.ConcurrentDictionary<Feature, (Feature Feature, int Shared)[]> Sharing { get; } = new(ReferenceEqualityComparer.Instance);
    }

    private static Index Build(FeatureCatalog catalog)
    {
        var parameters = new Dictionary<string, List<(Feature, string)>>(StringComparer.OrdinalIgnoreCase);
        var counters = new Dictionary<string, List<(Feature, string)>>(StringComparer.OrdinalIgnoreCase);
        var byQualifiedName = new Dictionary<string, List<Feature>>(StringComparer.Ordinal);
        foreach (var f in catalog.Features)
        {
            // A feature that only references a parameter does not own it.
            foreach (var p in f.Parameters)
            {
                if (p.Role == ParameterRole.Referenced) continue;
                Add(parameters, p.Name, f, p.Mo);
                if (!byQualifiedName.TryGetValue(p.QualifiedName, out var owners)) byQualifiedName[p.QualifiedName] = owners = [];
                if (!owners.Contains(f)) owners.Add(f);
            }
            foreach (var c in f.Counters) Add(counters, c.Name, f, c.Mo);
        }
        return new Index(parameters, counters, byQualifiedName);
    }

    // One entry per feature: the first managed object it has the name on.
    private static void Add(Dictionary<string, List<(Feature, string)>> index, string name, Feature f, string mo)
    {
        if (!index.TryGetValue(name, out var owners)) index[name] = owners = [];
        if (!owners.Exists(o => o.Item1 == f)) owners.Add((f, mo));
    }
}
