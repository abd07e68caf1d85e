using System.Collections.Frozen;

namespace Elex.Core.Catalog;

/// <summary>
/// A validated, immutable set of features. Features keep their file order; each has a dense
/// ordinal (its index) that the router, index and agent registry use instead of string keys.
/// </summary>
public sealed class FeatureCatalog
{
    private readonly FrozenDictionary<FeatureCode, int> _ordinals;

    /// <summary>Builds a catalog from features that already passed validation.</summary>
    public FeatureCatalog(IReadOnlyList<Feature> features, IReadOnlyList<CatalogIssue>? warnings = null, string source = "(memory)")
    {
        ArgumentNullException.ThrowIfNull(features);
        Features = features;
        Warnings = warnings ?? [];
        Source = source;
        var map = new Dictionary<FeatureCode, int>(features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            if (!map.TryAdd(features[i].Code, i))
                throw new ArgumentException($"Duplicate feature code {features[i].Code} at index {i}.", nameof(features));
        }
        _ordinals = map.ToFrozenDictionary();
    }

    /// <summary>All features, in catalog order.</summary>
    public IReadOnlyList<Feature> Features { get; }

    /// <summary>Findings that did not prevent loading (e.g. edges to codes outside this catalog).</summary>
    public IReadOnlyList<CatalogIssue> Warnings { get; }

    /// <summary>Where the catalog came from (a path or "(embedded sample)").</summary>
    public string Source { get; }

    /// <summary>Number of features.</summary>
    public int Count => Features.Count;

    /// <summary>The feature at a dense ordinal.</summary>
    public Feature this[int ordinal] => Features[ordinal];

    /// <summary>Finds a feature's ordinal by code.</summary>
    public bool TryGetOrdinal(FeatureCode code, out int ordinal) => _ordinals.TryGetValue(code, out ordinal);

    /// <summary>Finds a feature by code.</summary>
    public Feature? Find(FeatureCode code) => _ordinals.TryGetValue(code, out var i) ? Features[i] : null;

    /// <summary>True when the catalog holds the code.</summary>
    public bool Contains(FeatureCode code) => _ordinals.ContainsKey(code);
}
