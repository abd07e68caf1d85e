using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>
/// The expert for one feature. Answers from catalog facts only — parameters with their MO
/// class, counters, KPIs, events, prerequisites, conflicts, related features — and lists the facts
/// it used as evidence. Thread-safe: answering is read-only over the catalog, counters are
/// updated under a lock.
/// </summary>
public sealed class FeatureAgent
{
    private readonly Lock _gate = new();
    private readonly FeatureCatalog _catalog;
    private readonly int _coldStartThreshold;
    private readonly AgentCounters _counters;
    private readonly QLearner? _learner;
    private int _busy;
    private AgentLifecycle _lifecycle = AgentLifecycle.Initializing;

    /// <summary>Creates the agent for one feature of a catalog.</summary>
    internal FeatureAgent(FeatureCatalog catalog, Feature feature, int coldStartThreshold = 100, AgentCounters? counters = null, QLearner? learner = null)
    {
        _learner = learner;
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentOutOfRangeException.ThrowIfNegative(coldStartThreshold);
        _catalog = catalog;
        Feature = feature;
        Id = AgentId.For(feature.Code);
        _coldStartThreshold = coldStartThreshold;
        _counters = counters ?? new AgentCounters();
        var interactions = _counters.Read().Interactions;
        _lifecycle = _learner?.Lifecycle(interactions) ?? (interactions >= coldStartThreshold ? AgentLifecycle.Ready : AgentLifecycle.ColdStart);
    }

    /// <summary>The agent id.</summary>
    public string Id { get; }

    /// <summary>The feature this agent knows.</summary>
    public Feature Feature { get; }

    /// <summary>Current lifecycle state.</summary>
    public AgentLifecycle Lifecycle
    {
        get { lock (_gate) return _lifecycle; }
    }

    /// <summary>Raised after the lifecycle or the counters change (outside the agent's lock).</summary>
    public event Action<FeatureAgent>? Changed;

    /// <summary>Answers a question by its type.</summary>
    internal AgentAnswer Answer(AnswerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        EnterBusy();
        try
        {
            var answer = context.Compared.Count >= 2
                ? ComparisonAnswer.Compose(_catalog, context.Compared, context)
                : context.Classification.Type switch
                {
                    QueryType.Parameter => ParametersAnswer.Compose(_catalog, Feature, context),
                    QueryType.Counter => CountersAnswer.Compose(_catalog, Feature, context, kpiFirst: false),
                    QueryType.Kpi => CountersAnswer.Compose(_catalog, Feature, context, kpiFirst: true),
                    QueryType.Procedure or QueryType.General when LicenceAnswer.IsAsked(context) => LicenceAnswer.Compose(_catalog, Feature, context),
                    QueryType.Procedure or QueryType.General when DependenciesAnswer.IsAsked(context) => DependenciesAnswer.Compose(_catalog, Feature, context),
                    QueryType.Procedure => ActivationAnswer.Compose(_catalog, Feature, context),
                    QueryType.Troubleshoot => TroubleshootAnswer.Compose(_catalog, Feature, context),
                    _ => WhatIsAnswer.Compose(_catalog, Feature, context),
                };
            if (context.ForcedAction is { } forced) return AnswerStrategies.Apply(forced, answer, _catalog, Feature, context);
            if (_learner is null) return answer;
            var state = new LearningState(context.Classification.Type, context.Classification.Complexity,
                ConfidenceBucket.From(context.RouteConfidence), Maturity.From(_counters.Read().Interactions, _coldStartThreshold));
            var action = _learner.Choose(state, (int)Text.StableHash.Fnv1a(context.Text));
            return AnswerStrategies.Apply(action, answer, _catalog, Feature, context) with { State = state };
        }
        finally
        {
            ExitBusy();
        }
    }

    /// <summary>Records the outcome of one interaction (latency, routing confidence, success).</summary>
    public void RecordInteraction(double latencyUs, double confidence, bool success, DateTimeOffset at)
    {
        _counters.Record(latencyUs, confidence, success, at);
        RefreshLifecycle();
        Changed?.Invoke(this);
    }

    /// <summary>The agent's learner (null when the swarm runs without learning).</summary>
    internal QLearner? Learner => _learner;

    /// <summary>Re-evaluates the lifecycle after interactions or feedback: ColdStart, Ready or Degraded.</summary>
    public void RefreshLifecycle()
    {
        var interactions = _counters.Read().Interactions;
        lock (_gate)
        {
            if (_lifecycle == AgentLifecycle.Offline) return;
            _lifecycle = _learner?.Lifecycle(interactions)
                ?? (interactions >= _coldStartThreshold ? AgentLifecycle.Ready : AgentLifecycle.ColdStart);
        }
    }

    /// <summary>Marks the agent offline (evicted or shut down).</summary>
    public void GoOffline()
    {
        lock (_gate) _lifecycle = AgentLifecycle.Offline;
        Changed?.Invoke(this);
    }

    /// <summary>A snapshot of the agent's counters.</summary>
    public AgentStats Snapshot()
    {
        AgentLifecycle lifecycle;
        lock (_gate) lifecycle = _busy > 0 && _lifecycle != AgentLifecycle.Offline ? AgentLifecycle.Busy : _lifecycle;
        return AgentStats.Of(Feature, _counters, _learner, lifecycle);
    }

    private void EnterBusy()
    {
        // An agent evicted while a query is on its way still answers it: its knowledge is immutable.
        lock (_gate) _busy++;
    }

    private void ExitBusy()
    {
        lock (_gate) _busy--;
    }
}
