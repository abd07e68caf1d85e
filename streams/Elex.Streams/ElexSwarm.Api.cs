using System.Reactive.Linq;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Core.Routing;
using Elex.Core.Safety;
using Elex.Core.Telemetry;
using Elex.Streams.Cache;
using Elex.Streams.Operators;
using Elex.Streams.Persistence;
using Elex.Streams.Sync;
using Elex.Sync;
using Elex.Sync.Transport;

namespace Elex.Streams;

// What callers see: each member forwards to the branch that owns it (composition in ElexSwarm.cs).
public sealed partial class ElexSwarm
{
    /// <summary>The validated configuration.</summary>
    public SwarmConfig Config { get; }
    /// <summary>The catalog the swarm answers from.</summary>
    public FeatureCatalog Catalog { get; }
    /// <summary>The router.</summary>
    public FeatureRouter Router { get; }
    /// <summary>The safety stage's validator over <see cref="SwarmConfig.SafeZones"/>.</summary>
    public SafetyValidator Safety { get; }
    /// <summary>The lazy agent registry.</summary>
    public AgentRegistry Registry { get; }
    /// <summary>
    /// Every response, hot and shared: subscribers see responses produced after they subscribe.
    /// Completes when the swarm is disposed. A subscriber that throws is isolated: the exception is
    /// counted in <see cref="SubscriberFaults"/>, that subscriber is unsubscribed (Rx's rule for an
    /// observer that throws), and the other subscribers and the pipeline carry on.
    /// </summary>
    public IObservable<QueryResponse> Responses => _fanOut.Responses;
    /// <summary>One metric per response (empty when telemetry is disabled).</summary>
    public IObservable<QueryMetric> Metrics => Responses.ToMetrics().Where(_ => Config.EnableTelemetry);
    /// <summary>
    /// Live P50/P95/P99, count, success rate and mean confidence over the sliding window
    /// (<see cref="SwarmConfig.TelemetryWindow"/>): the current value on subscribe, then every
    /// update. Completes when the swarm is disposed.
    /// </summary>
    public IObservable<LatencySnapshot> Latency => _telemetry.Latency;
    /// <summary>Swarm statistics, refreshed with every latency-window update (current value first). Completes on dispose.</summary>
    public IObservable<SwarmStats> Stats => _telemetry.Latency.Select(_ => GetSwarmStats());
    /// <summary>Retained query metrics: time-range queries and JSON export.</summary>
    public MetricStore Telemetry => _telemetry.Store;
    /// <summary>Agent states as keyed change sets (agent id → stats): loads, updates after each answer, evictions.</summary>
    public IObservable<IChangeSet<AgentStats, string>> AgentStates => _agentStates.Connect();
    /// <summary>Queries taken in so far.</summary>
    public long QueryCount => _ingress.Taken;
    /// <summary>Exceptions thrown by response subscribers (isolated, counted).</summary>
    public long SubscriberFaults => _faults.Count;

    /// <summary>Asks a question and awaits its response. Waits while the ingress is full.</summary>
    /// <exception cref="ObjectDisposedException">The swarm is disposed.</exception>
    public Task<QueryResponse> QueryAsync(Query query, CancellationToken cancellationToken = default) => _ingress.QueryAsync(query, cancellationToken);

    /// <summary>Asks a question and awaits its response.</summary>
    public Task<QueryResponse> QueryAsync(string text, CancellationToken cancellationToken = default) =>
        QueryAsync(new Query(text), cancellationToken);

    /// <summary>
    /// Submits a question without waiting for room: returns a task that fails with
    /// <see cref="Pipeline.SwarmBusyException"/> at once when the ingress is full.
    /// </summary>
    public Task<QueryResponse> TryQueryAsync(Query query) => _ingress.TryQueryAsync(query);

    /// <summary>
    /// Starts a conversation: its questions go through this swarm's pipeline, and a follow-up that names
    /// no feature of its own ("how do I activate it?") is answered about the feature(s) the conversation
    /// is about. Conversations are independent of each other.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The swarm is disposed.</exception>
    public Conversations.Conversation CreateSession()
    {
        _lifetime.ThrowIfDisposed();
        return new Conversations.Conversation(this);
    }

    /// <summary>Counts an exception thrown by a subscriber of one of the swarm's streams (isolated, see <see cref="SubscriberFaults"/>).</summary>
    internal void CountSubscriberFault() => _faults.Record();

    /// <summary>
    /// Tells the router which feature should have answered an earlier response (in this run, or a
    /// recent one of an earlier run with the same store): questions like it will go there. The learned
    /// routes are stored with the agents' state before this completes.
    /// </summary>
    public Task<Routing.CorrectionResult> CorrectAsync(string responseId, string featureCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(responseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(featureCode);
        _lifetime.ThrowIfDisposed();
        return _teacher.CorrectAsync(responseId, featureCode, cancellationToken);
    }

    /// <summary>
    /// Teaches the agent behind a response (or an agent's most recent answer) with a reward in
    /// [-1, 1]. Resolves with what happened: Applied, or why nothing changed (unknown id, reward
    /// out of range) — it never throws for bad feedback. With a store, an Applied result is returned
    /// only once the learning it caused is committed to the store (acknowledged feedback survives a
    /// crash); while the store fails, the write is retried with backoff and this call waits
    /// (cancel it with <paramref name="cancellationToken"/>; the learning stays applied in memory).
    /// </summary>
    public Task<FeedbackResult> FeedbackAsync(Feedback feedback, CancellationToken cancellationToken = default) => _feedback.ApplyAsync(feedback, cancellationToken);

    /// <summary>Every feedback result, hot; completes when the swarm is disposed.</summary>
    public IObservable<FeedbackResult> FeedbackResults => _feedback.Results;

    /// <summary>A snapshot of the whole swarm.</summary>
    public SwarmStats GetSwarmStats() => _telemetry.Stats(Registry.Stats());

    /// <summary>
    /// A snapshot of one agent's stats (loaded or not); null for an unknown id or code. An agent that is
    /// not loaded shows the lifecycle its experience gives it (ColdStart, Ready or Degraded): it answers
    /// as soon as it is asked.
    /// </summary>
    public AgentStats? GetAgentStats(string agentIdOrCode)
    {
        if (!AgentId.TryParse(agentIdOrCode, out var code) || Catalog.Find(code) is not { } feature) return null;
        if (Registry.Peek(code) is { } agent) return agent.Snapshot();
        return AgentStats.Of(feature, Registry.CountersOf(code), Registry.LearnerFor(code), Registry.LifecycleOf(code));
    }

    /// <summary>Records that could not be restored (named, with the reason); everything else loaded.</summary>
    public IReadOnlyList<string> RestoreProblems => _restoreProblems;

    /// <summary>Writes every agent's state to the store in one batch now and awaits it (no-op without a store).</summary>
    public Task PersistAsync(CancellationToken cancellationToken = default) => _persistence.PersistAllAsync(cancellationToken);

    /// <summary>The persistence status now: last write, failures, what is being retried.</summary>
    public PersistenceStatus GetPersistenceStatus() => _persistence.Current;

    /// <summary>The persistence status as it changes (current value first); completes when the swarm is disposed.</summary>
    public IObservable<PersistenceStatus> Persistence => _persistence.Status;

    /// <summary>This swarm's sync identity: peers add this key to their <see cref="Trust"/> list to accept its deltas.</summary>
    public SwarmPublicKey Identity => Sync.Current.Identity.PublicKey;

    /// <summary>
    /// The keys whose deltas this swarm accepts (its own always). Add peers' keys here before sync starts;
    /// once it runs, use <see cref="TrustPeers"/>, which does not race the verification of arriving deltas.
    /// </summary>
    public TrustList Trust => Sync.Current.Trust;

    /// <summary>Trusts peers' keys, also while sync runs; returns how many were not trusted before.</summary>
    /// <exception cref="ArgumentException">A key is not a point on the Ed25519 curve.</exception>
    public int TrustPeers(IEnumerable<SwarmPublicKey> keys) => Sync.Current.TrustPeers(keys);

    /// <summary>
    /// Connects federated sync over <paramref name="transport"/> (a relay connection): from then on
    /// peers' signed deltas are verified (signature, trust list, sequence) and merged, and — with
    /// <see cref="SwarmConfig.AutoSync"/> — the agents' own learning is published at most every
    /// <see cref="SwarmConfig.SyncIntervalMs"/> while feedback keeps arriving. When the connection
    /// cannot be opened the exception is rethrown and <see cref="GetSyncStatus"/> shows why; calling
    /// again with a new transport reconnects (also after an open connection was lost).
    /// </summary>
    /// <exception cref="InvalidOperationException">A transport is already connected or connecting.</exception>
    /// <exception cref="Elex.Sync.Transport.SyncTransportClosedException">The connection could not be opened.</exception>
    public async Task StartSyncAsync(ISyncTransport transport, CancellationToken cancellationToken = default)
    {
        _lifetime.ThrowIfDisposed();
        await Sync.StartAsync(transport, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Publishes every agent's own learning now as one signed delta; returns how many agents it carried (0 = nothing learned yet).</summary>
    /// <exception cref="InvalidOperationException">Sync was not started.</exception>
    public Task<int> SyncAsync(CancellationToken cancellationToken = default) => Sync.Current.SyncAsync(cancellationToken);

    /// <summary>The sync status now.</summary>
    public SyncStatus GetSyncStatus() => Sync.Current.Current;

    /// <summary>The sync status as it changes (current value first); completes when the swarm is disposed.</summary>
    public IObservable<SyncStatus> SyncStatus => Sync.Current.Status;

    /// <summary>Verifies and (when accepted) merges one delta as if it had arrived from the relay.</summary>
    internal DeltaVerdict ReceiveDelta(ReadOnlySpan<byte> message) => Sync.Current.Receive(message);

    private SyncBranch Sync => _sync ?? throw new InvalidOperationException("The swarm is still being created.");
}
