using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Conversations;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Operators;

/// <summary>The Dispatch stage.</summary>
internal static class DispatchOperator
{
    /// <summary>
    /// Hands each routed item to its feature agent, created on demand by the lazy registry (which
    /// may evict the least recently used agent). An item with no route, or whose routing
    /// confidence is below <paramref name="minConfidence"/>, passes on without an agent and
    /// becomes a NoMatch response listing the candidates — unless it compares two or more features
    /// it names exactly: the split route is then the question itself, and the first named feature's
    /// agent answers side by side. The peer an agent may consult is chosen by <paramref name="topology"/> (<see cref="PeerChoice"/>).
    /// </summary>
    public static IObservable<PipelineItem> Dispatch(this IObservable<PipelineItem> source, AgentRegistry registry, float minConfidence = 0f,
        SwarmTopology topology = SwarmTopology.HierarchicalMesh)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentOutOfRangeException.ThrowIfNegative(minConfidence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minConfidence, 1f);
        if (!Enum.IsDefined(topology)) throw new ArgumentOutOfRangeException(nameof(topology), topology, "Not a topology.");
        return source.Stage("dispatch", item => Dispatched(item, registry, minConfidence, topology));
    }

    private static PipelineItem Dispatched(PipelineItem item, AgentRegistry registry, float minConfidence, SwarmTopology topology)
    {
        if (item.Route?.Best is not { } best) return item;
        // A comparison names at least one feature the router saw; only then is the catalog read for the others.
        IReadOnlyList<Feature> compared = FeatureMentions.Of(item.Route).Count > 0 ? ComparedFeatures.Find(item.Query.Text, registry.Catalog) : [];
        if (compared.Count >= 2)
        {
            var lead = compared.Contains(best.Feature) ? best.Feature : compared[0];
            registry.Catalog.TryGetOrdinal(lead.Code, out var ordinal);
            return item with { Compared = compared, Agent = registry.Get(ordinal) };
        }
        if (item.Route.Confidence < minConfidence) return item with { Compared = compared };
        var agent = registry.Get(best.Ordinal);
        if (PeerChoice.For(item.Route, best, topology) is not { } peer) return item with { Compared = compared, Agent = agent };
        return item with { Compared = compared, Agent = agent, Peer = () => registry.Get(peer.Ordinal) };
    }
}
