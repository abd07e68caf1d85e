using Elex.Core.Catalog;
using Elex.Core.Learning;

namespace Elex.Core.Agents;

/// <summary>
/// Knows every feature of the catalog but creates its agent only when first needed, keeping at
/// most <see cref="MaxAgents"/> loaded and evicting the least recently used beyond that. Safe
/// under concurrent callers: one lock guards the LRU list, which holds only O(1) work.
/// </summary>
public sealed class AgentRegistry
{
    private readonly Lock _gate = new();
    private readonly FeatureCatalog _catalog;
    private readonly int _coldStartThreshold;
    private readonly LinkedListNode<FeatureAgent>?[] _loaded;
    private readonly LinkedList<FeatureAgent> _recency = new(); // most recent first
    private readonly AgentCounters?[] _counters;
    private readonly QLearner?[] _learners;
    private readonly QLearningOptions? _learning;
    private long _hits;
    private long _misses;
    private long _evictions;

    /// <summary>The catalog the agents answer from.</summary>
    public FeatureCatalog Catalog => _catalog;

    /// <summary>Creates a registry over a catalog.</summary>
    public AgentRegistry(FeatureCatalog catalog, int maxAgents = 50, int coldStartThreshold = 100, QLearningOptions? learning = null)
    {
        _learning = learning?.Validate() ?? null;
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAgents, 1);
        _catalog = catalog;
        _coldStartThreshold = coldStartThreshold;
        MaxAgents = maxAgents;
        _loaded = new LinkedListNode<FeatureAgent>?[catalog.Count];
        _counters = new AgentCounters?[catalog.Count];
        _learners = new QLearner?[catalog.Count];
    }

    /// <summary>Most agents kept loaded at once.</summary>
    public int MaxAgents { get; }

    /// <summary>Raised after an agent is created (outside the lock).</summary>
    public event Action<FeatureAgent>? Loaded;

    /// <summary>Raised after an agent is evicted (outside the lock); the agent is already offline.</summary>
    public event Action<FeatureAgent>? Evicted;

    /// <summary>The agent for a catalog ordinal, created on first use.</summary>
    public FeatureAgent Get(int ordinal)
    {
        if ((uint)ordinal >= (uint)_loaded.Length)
            throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, $"No feature with ordinal {ordinal}; the catalog has {_loaded.Length}.");
        FeatureAgent agent;
        FeatureAgent? evicted = null;
        var created = false;
        lock (_gate)
        {
            var node = _loaded[ordinal];
            if (node is not null)
            {
                _hits++;
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value;
            }
            _misses++;
            agent = new FeatureAgent(_catalog, _catalog[ordinal], _coldStartThreshold, _counters[ordinal] ??= new AgentCounters(), LearnerAt(ordinal));
            _loaded[ordinal] = _recency.AddFirst(agent);
            created = true;
            if (_recency.Count > MaxAgents) evicted = EvictLeastRecent();
        }
        if (created) Loaded?.Invoke(agent);
        if (evicted is not null)
        {
            evicted.GoOffline();
            Evicted?.Invoke(evicted);
        }
        return agent;
    }

    /// <summary>The agent for a feature code, created on first use; null for a code outside the catalog.</summary>
    public FeatureAgent? Get(FeatureCode code) => _catalog.TryGetOrdinal(code, out var ordinal) ? Get(ordinal) : null;

    /// <summary>The loaded agent for a code, without creating or touching it; null when not loaded.</summary>
    public FeatureAgent? Peek(FeatureCode code)
    {
        if (!_catalog.TryGetOrdinal(code, out var ordinal)) return null;
        lock (_gate) return _loaded[ordinal]?.Value;
    }

    /// <summary>The counters of a feature's agent, loaded or not; null when it never answered.</summary>
    internal AgentCounters? CountersOf(FeatureCode code)
    {
        if (!_catalog.TryGetOrdinal(code, out var ordinal)) return null;
        lock (_gate) return _counters[ordinal];
    }

    /// <summary>The counters of a feature's agent, created when missing (to restore stored state into).</summary>
    internal AgentCounters CountersFor(FeatureCode code)
    {
        if (!_catalog.TryGetOrdinal(code, out var ordinal)) throw new ArgumentException($"{code} is not in the catalog.", nameof(code));
        lock (_gate) return _counters[ordinal] ??= new AgentCounters();
    }

    /// <summary>The learner of a feature's agent (created when missing); null when learning is off.</summary>
    public QLearner? LearnerFor(FeatureCode code)
    {
        if (!_catalog.TryGetOrdinal(code, out var ordinal)) throw new ArgumentException($"{code} is not in the catalog.", nameof(code));
        lock (_gate) return LearnerAt(ordinal);
    }

    /// <summary>Replaces a feature's learner with a restored one (ignored when learning is off).</summary>
    internal void RestoreLearner(FeatureCode code, QLearner learner)
    {
        if (!_catalog.TryGetOrdinal(code, out var ordinal)) throw new ArgumentException($"{code} is not in the catalog.", nameof(code));
        lock (_gate)
        {
            if (_learning is not null) _learners[ordinal] = learner;
        }
    }

    /// <summary>
    /// The lifecycle a feature's agent is in by what it has experienced — ColdStart, Ready or
    /// Degraded — whether or not it is loaded (an agent that is not loaded answers as soon as it is
    /// asked; Offline is only for an agent object that was evicted or shut down).
    /// </summary>
    public AgentLifecycle LifecycleOf(FeatureCode code)
    {
        var interactions = CountersOf(code)?.Read().Interactions ?? 0;
        return LearnerFor(code)?.Lifecycle(interactions) ?? (interactions >= _coldStartThreshold ? AgentLifecycle.Ready : AgentLifecycle.ColdStart);
    }

    /// <summary>
    /// A snapshot of one agent's stats, loaded or not (one that is not loaded shows the lifecycle its
    /// experience gives it); null for an unknown agent id or feature code.
    /// </summary>
    public AgentStats? StatsOf(string agentIdOrCode)
    {
        if (!AgentId.TryParse(agentIdOrCode, out var code) || _catalog.Find(code) is not { } feature) return null;
        if (Peek(code) is { } agent) return agent.Snapshot();
        return AgentStats.Of(feature, CountersOf(code), LearnerFor(code), LifecycleOf(code));
    }

    /// <summary>True when the catalog has the feature.</summary>
    public bool Knows(FeatureCode code) => _catalog.Contains(code);

    /// <summary>The options agents learn with; null when learning is off.</summary>
    public QLearningOptions? Learning => _learning;

    // Caller holds the lock (or is the constructor path inside it).
    /// <summary>The learners that exist (agents that answered, were restored or adopted peers' learning), by feature.</summary>
    internal IReadOnlyList<(FeatureCode Code, QLearner Learner)> AllLearners()
    {
        var result = new List<(FeatureCode, QLearner)>();
        lock (_gate)
        {
            for (var i = 0; i < _learners.Length; i++)
                if (_learners[i] is { } learner) result.Add((_catalog[i].Code, learner));
        }
        return result;
    }

    private QLearner? LearnerAt(int ordinal) =>
        _learning is null ? null : _learners[ordinal] ??= new QLearner(_learning);

    /// <summary>Every feature whose agent has answered at least once (in this run or a restored one).</summary>
    public IReadOnlyList<(Feature Feature, AgentCounters Counters)> AllCounters()
    {
        var result = new List<(Feature, AgentCounters)>();
        lock (_gate)
        {
            for (var i = 0; i < _counters.Length; i++)
                if (_counters[i] is { } c && c.Read().Interactions > 0) result.Add((_catalog[i], c));
        }
        return result;
    }

    /// <summary>Loads the agents for the given codes (up to the capacity), most important first.</summary>
    public int Preload(IEnumerable<FeatureCode> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var count = 0;
        foreach (var code in codes.Take(MaxAgents))
        {
            if (Get(code) is not null) count++;
        }
        return count;
    }

    /// <summary>Snapshots of the loaded agents, most recently used first.</summary>
    public IReadOnlyList<FeatureAgent> LoadedAgents()
    {
        lock (_gate) return [.. _recency];
    }

    /// <summary>Counters.</summary>
    internal RegistryStats Stats()
    {
        lock (_gate) return new RegistryStats(_catalog.Count, _recency.Count, _hits, _misses, _evictions, MaxAgents);
    }

    /// <summary>Takes every agent offline.</summary>
    public void Shutdown()
    {
        FeatureAgent[] agents;
        lock (_gate)
        {
            agents = [.. _recency];
            _recency.Clear();
            Array.Clear(_loaded);
        }
        foreach (var agent in agents) agent.GoOffline();
    }

    private FeatureAgent EvictLeastRecent()
    {
        var last = _recency.Last!;
        _recency.RemoveLast();
        _catalog.TryGetOrdinal(last.Value.Feature.Code, out var ordinal);
        _loaded[ordinal] = null;
        _evictions++;
        return last.Value;
    }
}
