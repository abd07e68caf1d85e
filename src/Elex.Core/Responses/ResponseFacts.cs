using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Routing;

namespace Elex.Core.Responses;

/// <summary>
/// What is known about a query when its response is built: the question, how it was classified and
/// routed, the agent that answers it (and the runner-up it may consult), and when it arrived and
/// when work on it began.
/// </summary>
/// <param name="Query">The query.</param>
/// <param name="Classification">Its type and complexity.</param>
/// <param name="ReceivedAt">When the swarm took the query in.</param>
/// <param name="StartedAt">When work on it began (the end of its wait in the ingress queue).</param>
internal sealed record ResponseFacts(Query Query, Classification Classification, DateTimeOffset ReceivedAt, DateTimeOffset StartedAt)
{
    /// <summary>The route, or null when the query was not routed.</summary>
    public RouteResult? Route { get; init; }

    /// <summary>The agent that answers, or null when none was dispatched (no route, or too unsure).</summary>
    public FeatureAgent? Agent { get; init; }

    /// <summary>Gets the peer feature's agent (chosen by the swarm's topology), for the ConsultPeer strategy; null when there is none.</summary>
    public Func<FeatureAgent?>? Peer { get; init; }

    /// <summary>Two or more features the question compares by name (answered side by side); empty otherwise.</summary>
    public IReadOnlyList<Feature> Compared { get; init; } = [];
}
