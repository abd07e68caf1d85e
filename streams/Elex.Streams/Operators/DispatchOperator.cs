using System.Reactive.Linq;
using Elex.Core.Agents;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Operators;

/// <summary>The Dispatch stage.</summary>
public static class DispatchOperator
{
    /// <summary>
    /// Hands each routed item to its feature agent, created on demand by the lazy registry (which
    /// may evict the least recently used agent). An item with no route, or whose routing
    /// confidence is below <paramref name="minConfidence"/>, passes on without an agent and
    /// becomes a NoMatch response listing the candidates — unless it compares two or more features
    /// it names exactly: the split route is then the question itself, and the first named feature's
    /// agent answers side by side.
    /// </summary>
    public static IObservable<PipelineItem> Dispatch(this IObservable<PipelineItem> source, AgentRegistry registry, float minConfidence = 0f)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentOutOfRangeException.ThrowIfNegative(minConfidence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minConfidence, 1f);
        return source.Select(item =>
        {
            if (item.HasFailed || item.Route?.Best is not { } best) return item;
            try
            {
                // A comparison names at least one feature the router saw; only then is the catalog read for the others.
                item.Compared = Core.Conversations.FeatureMentions.Of(item.Route).Count > 0 ? ComparedFeatures.Find(item.Query.Text, registry.Catalog) : [];
                if (item.Compared.Count >= 2)
                {
                    var lead = item.Compared.Contains(best.Feature) ? best.Feature : item.Compared[0];
                    registry.Catalog.TryGetOrdinal(lead.Code, out var ordinal);
                    item.Agent = registry.Get(ordinal);
                    return item;
                }
                if (item.Route.Confidence < minConfidence) return item;
                item.Agent = registry.Get(best.Ordinal);
                if (item.Route.Candidates.Count > 1)
                {
                    var runnerUp = item.Route.Candidates[1].Ordinal;
                    item.Peer = () => registry.Get(runnerUp);
                }
                return item;
            }
            catch (Exception e)
            {
                return item.Fail("dispatch", e);
            }
        });
    }
}
