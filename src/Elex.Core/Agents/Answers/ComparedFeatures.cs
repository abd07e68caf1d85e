using System.Text.RegularExpressions;
using Elex.Core.Catalog;
using Elex.Core.Routing;

namespace Elex.Core.Agents;

/// <summary>
/// The features a comparison question sets side by side: a comparing cue ("difference between",
/// "vs", "compare", "or") and at least two routed candidates the question names by code, licence
/// key, whole name or an acronym only that feature has.
/// </summary>
public static partial class ComparedFeatures
{
    private const int Most = 4;

    /// <summary>The named features in route order when the question compares them; empty otherwise.</summary>
    public static IReadOnlyList<Feature> Find(string text, RouteResult route)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(route);
        if (route.Candidates.Count < 2 || !Cue().IsMatch(text)) return [];
        var named = new List<Feature>(2);
        foreach (var c in route.Candidates)
        {
            if (c.Evidence.Any(IsNaming) && !named.Contains(c.Feature)) named.Add(c.Feature);
            if (named.Count == Most) break;
        }
        return named.Count >= 2 ? named : [];
    }

    private static bool IsNaming(RouteEvidence e) =>
        e.Kind is MatchKind.Code or MatchKind.Cxc or MatchKind.Name || (e.Kind == MatchKind.Acronym && e.SharedBy <= 1);

    [GeneratedRegex(@"\b(?:differen(?:ce|ces|t)|differ|compare[sd]?|comparison|versus|vs\.?|or|better|instead of|between)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cue();
}
