using Elex.Core.Agents;
using Elex.Streams.Cache;

namespace Elex.Streams.Pipeline;

/// <summary>
/// The keyed cache of agent states (agent id → stats): loads and evictions from the registry, and a
/// fresh snapshot whenever an answer, learning or a rating changed an agent. Persistence coalesces from it.
/// </summary>
internal sealed class AgentStateFeed : IDisposable
{
    private readonly SourceCache<AgentStats, string> _states;
    private readonly AgentRegistry _registry;

    public AgentStateFeed(AgentRegistry registry, SubscriberFaultCounter faults)
    {
        // A subscriber of AgentStates that throws is detached and counted; the answer that changed the agent goes on.
        _states = new(s => s.AgentId, subscriberFault: _ => faults.Record());
        _registry = registry;
        registry.Loaded += Publish;
        registry.Evicted += Publish;
    }

    public IObservable<IChangeSet<AgentStats, string>> Connect() => _states.Connect();

    public void Publish(FeatureAgent agent) => _states.AddOrUpdate(agent.Snapshot());

    /// <summary>Republishes an agent by id after learning or a rating changed it, loaded or not.</summary>
    public void Republish(string agentId)
    {
        if (_registry.StatsOf(agentId) is { } stats) _states.AddOrUpdate(stats);
    }

    public void Dispose() => _states.Dispose();
}
