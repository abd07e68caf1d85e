using Elex.Core.Routing;
using Elex.Core.Text;

namespace Elex.Core.Conversations;

/// <summary>Which features a question names itself, read from the router's exact evidence.</summary>
internal static class FeatureMentions
{
    /// <summary>
    /// The candidates the question names, in route order: by code, licence key, acronym (not an
    /// everyday abbreviation such as CA or PM, nor one several features share), whole name, an identifier (parameter, counter, event)
    /// that only that feature has, or a question an engineer taught the router. A parameter several
    /// features share names none of them.
    /// </summary>
    public static IReadOnlyList<RouteCandidate> Of(RouteResult? route)
    {
        if (route is null) return [];
        List<RouteCandidate>? named = null;
        // Indexed loops: a foreach over the interface would allocate an enumerator per candidate.
        for (var c = 0; c < route.Candidates.Count; c++)
        {
            var candidate = route.Candidates[c];
            for (var e = 0; e < candidate.Evidence.Count; e++)
            {
                if (!Names(candidate.Evidence[e])) continue;
                (named ??= []).Add(candidate);
                break;
            }
        }
        return named ?? (IReadOnlyList<RouteCandidate>)[];
    }

    /// <summary>
    /// True when the question names some fact of the catalog for this candidate, shared or not — but
    /// not an everyday abbreviation ("which PM counters…" names no feature's acronym).
    /// </summary>
    public static bool HasExactEvidence(RouteCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        for (var i = 0; i < candidate.Evidence.Count; i++)
        {
            var evidence = candidate.Evidence[i];
            if (evidence.Kind is MatchKind.Conversation or MatchKind.Learned || IsEveryday(evidence)) continue;
            return true;
        }
        return false;
    }

    private static bool IsEveryday(RouteEvidence evidence) =>
        evidence.Kind == MatchKind.Acronym && RanGlossary.IsEveryday(evidence.Text.ToLowerInvariant());

    private static bool Names(RouteEvidence evidence) => evidence.Kind switch
    {
        MatchKind.Code or MatchKind.Cxc or MatchKind.Name or MatchKind.Learned => true,
        MatchKind.Acronym => evidence.SharedBy == 1 && !IsEveryday(evidence),
        MatchKind.Parameter or MatchKind.Counter or MatchKind.Event => evidence.SharedBy == 1,
        _ => false,
    };
}
