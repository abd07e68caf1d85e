using Elex.Core.Routing;

namespace Elex.Streams.Pipeline;

/// <summary>
/// Which other feature's agent the ConsultPeer strategy asks, by <see cref="SwarmConfig.Topology"/>:
/// <list type="bullet">
/// <item><see cref="SwarmTopology.Mesh"/>: the runner-up, whatever its domain.</item>
/// <item><see cref="SwarmTopology.Hierarchical"/>: the best-ranked candidate in the answering feature's own domain; none
/// when no candidate shares it (across domains only the coordinators talk, and an answer never crosses them).</item>
/// <item><see cref="SwarmTopology.HierarchicalMesh"/>: the best-ranked candidate in the same domain, else the runner-up.</item>
/// </list>
/// A peer in the same domain is why consulting helps: its parameters and counters bear on the same part of
/// the network, where a runner-up from another domain is more often a near miss of the wording.
/// </summary>
internal static class PeerChoice
{
    public static RouteCandidate? For(RouteResult route, RouteCandidate answering, SwarmTopology topology)
    {
        RouteCandidate? runnerUp = null;
        RouteCandidate? sameDomain = null;
        foreach (var candidate in route.Candidates)
        {
            if (candidate.Ordinal == answering.Ordinal) continue;
            runnerUp ??= candidate;
            if (candidate.Feature.Domain == answering.Feature.Domain)
            {
                sameDomain = candidate;
                break;
            }
        }
        return topology switch
        {
            SwarmTopology.Mesh => runnerUp,
            SwarmTopology.Hierarchical => sameDomain,
            _ => sameDomain ?? runnerUp,
        };
    }
}
