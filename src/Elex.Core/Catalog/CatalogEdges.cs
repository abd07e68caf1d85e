using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Elex.Core.Catalog;

/// <summary>
/// The catalog's dependency edges read from both ends: conflicts whichever side declared them, and
/// the features that require a given one. Built once per catalog on first use.
/// </summary>
internal sealed class CatalogEdges
{
    private static readonly ConditionalWeakTable<FeatureCatalog, CatalogEdges> Cache = new();
    private static readonly IReadOnlyList<ConflictEdge> NoConflicts = [];
    private static readonly IReadOnlyList<Feature> NoFeatures = [];

    private readonly Dictionary<FeatureCode, IReadOnlyList<ConflictEdge>> _conflicts = [];
    private readonly Dictionary<FeatureCode, IReadOnlyList<Feature>> _requiredBy = [];
    private readonly ConcurrentDictionary<FeatureCode, Agents.ActivationPlan> _plans = new();
    private readonly FeatureCatalog _catalog;

    private CatalogEdges(FeatureCatalog catalog)
    {
        _catalog = catalog;
        var declaredAgainst = new Dictionary<FeatureCode, List<Feature>>();
        var requiredBy = new Dictionary<FeatureCode, List<Feature>>();
        foreach (var f in catalog.Features)
        {
            foreach (var c in f.Conflicts) Add(declaredAgainst, c, f);
            foreach (var r in f.Requires) Add(requiredBy, r, f);
        }
        foreach (var f in catalog.Features)
        {
            var edges = new List<ConflictEdge>();
            var others = declaredAgainst.GetValueOrDefault(f.Code) ?? [];
            foreach (var code in f.Conflicts.Distinct())
            {
                var both = others.Any(o => o.Code == code);
                edges.Add(new ConflictEdge(code, catalog.Find(code), both ? ConflictDeclaredBy.Both : ConflictDeclaredBy.This));
            }
            foreach (var other in others)
            {
                if (other.Code != f.Code && !f.Conflicts.Contains(other.Code) && edges.TrueForAll(e => e.Code != other.Code))
                    edges.Add(new ConflictEdge(other.Code, other, ConflictDeclaredBy.Other));
            }
            if (edges.Count > 0) _conflicts[f.Code] = edges;
        }
        foreach (var (code, list) in requiredBy) _requiredBy[code] = list;
    }

    /// <summary>The edges of <paramref name="catalog"/> (computed on first call, then shared).</summary>
    public static CatalogEdges Of(FeatureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Cache.GetValue(catalog, static c => new CatalogEdges(c));
    }

    /// <summary>Every feature that conflicts with <paramref name="code"/>, whichever side declared it.</summary>
    public IReadOnlyList<ConflictEdge> ConflictsOf(FeatureCode code) => _conflicts.GetValueOrDefault(code) ?? NoConflicts;

    /// <summary>The features that list <paramref name="code"/> as a prerequisite.</summary>
    public IReadOnlyList<Feature> RequiredBy(FeatureCode code) => _requiredBy.GetValueOrDefault(code) ?? NoFeatures;

    /// <summary>The activation plan of a feature of this catalog (planned once, then shared: the catalog is immutable).</summary>
    public Agents.ActivationPlan PlanOf(Feature feature) => _plans.GetOrAdd(feature.Code, static (_, s) => Agents.ActivationPlanner.Plan(s.Catalog, s.Feature), (Catalog: _catalog, Feature: feature));

    private static void Add(Dictionary<FeatureCode, List<Feature>> map, FeatureCode key, Feature value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        if (!list.Contains(value)) list.Add(value);
    }
}
