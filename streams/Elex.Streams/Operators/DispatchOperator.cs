using System.Reactive.Linq;
using Elex.Core.Agents;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Operators;

/// <summary>The Dispatch stage.</summary>
public static class DispatchOperator
{
    /// <summary>
    /// Hands each routed item to its feature agent, created on demand by the lazy registry (which
    /// may evict the least recently used agent). An item with no route passes on without an agent.
    /// </summary>
    public static IObservable<PipelineItem> Dispatch(this IObservable<PipelineItem> source, AgentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(registry);
        return source.Select(item =>
        {
            if (item.HasFailed || item.Route?.Best is not { } best) return item;
            try
            {
                item.Agent = registry.Get(best.Ordinal);
                return item;
            }
            catch (Exception e)
            {
                return item.Fail("dispatch", e);
            }
        });
    }
}
