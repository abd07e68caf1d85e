using Elex.Streams;

namespace Elex.Reliability.Support;

/// <summary>A <see cref="GrammarObserver{T}"/> on every public stream of one swarm.</summary>
public sealed class SwarmStreams : IDisposable
{
    // Streams that change now and then (not once per query) hold each call longer, so that two
    // threads notifying at once are caught rather than slipping past each other.
    private const int RareSpin = 5_000;

    private readonly List<IDisposable> _subscriptions = [];

    /// <summary>Subscribes a grammar observer to each public stream of <paramref name="swarm"/>.</summary>
    public SwarmStreams(ElexSwarm swarm)
    {
        Responses = Watch(swarm.Responses, nameof(ElexSwarm.Responses));
        Metrics = Watch(swarm.Metrics, nameof(ElexSwarm.Metrics));
        AgentStates = Watch(swarm.AgentStates, nameof(ElexSwarm.AgentStates));
        FeedbackResults = Watch(swarm.FeedbackResults, nameof(ElexSwarm.FeedbackResults), RareSpin);
        Latency = Watch(swarm.Latency, nameof(ElexSwarm.Latency), RareSpin);
        Stats = Watch(swarm.Stats, nameof(ElexSwarm.Stats), RareSpin);
        Persistence = Watch(swarm.Persistence, nameof(ElexSwarm.Persistence), RareSpin);
        SyncStatus = Watch(swarm.SyncStatus, nameof(ElexSwarm.SyncStatus), RareSpin);
    }

    /// <summary>On <see cref="ElexSwarm.Responses"/>.</summary>
    public GrammarObserver<Elex.Core.Responses.QueryResponse> Responses { get; }

    /// <summary>On <see cref="ElexSwarm.Metrics"/>.</summary>
    public GrammarObserver<Elex.Core.Telemetry.QueryMetric> Metrics { get; }

    /// <summary>On <see cref="ElexSwarm.AgentStates"/>.</summary>
    public GrammarObserver<Elex.Streams.Cache.IChangeSet<Elex.Core.Agents.AgentStats, string>> AgentStates { get; }

    /// <summary>On <see cref="ElexSwarm.FeedbackResults"/>.</summary>
    public GrammarObserver<Elex.Core.Learning.FeedbackResult> FeedbackResults { get; }

    /// <summary>On <see cref="ElexSwarm.Latency"/>.</summary>
    public GrammarObserver<Elex.Core.Telemetry.LatencySnapshot> Latency { get; }

    /// <summary>On <see cref="ElexSwarm.Stats"/>.</summary>
    public GrammarObserver<SwarmStats> Stats { get; }

    /// <summary>On <see cref="ElexSwarm.Persistence"/>.</summary>
    public GrammarObserver<Elex.Streams.Persistence.PersistenceStatus> Persistence { get; }

    /// <summary>On <see cref="ElexSwarm.SyncStatus"/>.</summary>
    public GrammarObserver<Elex.Streams.Sync.SyncStatus> SyncStatus { get; }

    /// <summary>Asserts that every stream kept the grammar and completed exactly once.</summary>
    public void AssertAllCompletedCleanly()
    {
        Responses.AssertCompletedCleanly();
        Metrics.AssertCompletedCleanly();
        AgentStates.AssertCompletedCleanly();
        FeedbackResults.AssertCompletedCleanly();
        Latency.AssertCompletedCleanly();
        Stats.AssertCompletedCleanly();
        Persistence.AssertCompletedCleanly();
        SyncStatus.AssertCompletedCleanly();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
    }

    private GrammarObserver<T> Watch<T>(IObservable<T> stream, string name, int spin = 200)
    {
        var observer = new GrammarObserver<T>(name, spin);
        _subscriptions.Add(stream.Subscribe(observer));
        return observer;
    }
}
