using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Core.Routing;
using Elex.Core.Safety;
using Elex.Core.Telemetry;
using Elex.Storage;
using Elex.Streams.Cache;
using Elex.Streams.Operators;
using Elex.Streams.Persistence;
using Elex.Streams.Sync;
using Elex.Sync;
using Elex.Sync.Transport;

namespace Elex.Streams;

/// <summary>
/// A swarm of feature agents behind one bounded ingress: questions are classified, routed, answered and
/// safety-checked one at a time in arrival order (responses come out in the order queries went in);
/// feedback teaches the agents; a store keeps what they learn; peers share it through signed deltas.
/// A thin facade: every member forwards to the branch that owns it (<see cref="SwarmBranches"/>).
/// </summary>
public sealed class ElexSwarm : IAsyncDisposable
{
    private readonly SwarmBranches _b;

    private ElexSwarm(SwarmBranches branches) => _b = branches;

    /// <summary>
    /// Creates a swarm, restores what <paramref name="store"/> holds (agent state, learned routes, sync
    /// identity) and starts it. Corrupt records are skipped and reported in <see cref="RestoreProblems"/>;
    /// the rest loads. Without a store nothing persists and the sync identity is new each run. Every time
    /// the swarm reads comes from <paramref name="scheduler"/> (<see cref="Scheduler.Default"/> when null).
    /// </summary>
    public static async Task<ElexSwarm> CreateAsync(FeatureCatalog catalog, SwarmConfig? config = null, IAgentStore? store = null, IScheduler? scheduler = null, FeatureRouter? router = null, CancellationToken cancellationToken = default) =>
        new(await SwarmBranches.CreateAsync(catalog, config, store, scheduler ?? Scheduler.Default, router, cancellationToken).ConfigureAwait(false));

    /// <summary>Stops taking queries, lets those already queued finish, persists (with a store), then completes every stream.</summary>
    public ValueTask DisposeAsync() => _b.DisposeAsync();

    /// <summary>The validated configuration.</summary>
    public SwarmConfig Config => _b.Config;
    /// <summary>The catalog the swarm answers from.</summary>
    public FeatureCatalog Catalog => _b.Catalog;
    /// <summary>The router.</summary>
    public FeatureRouter Router => _b.Router;
    /// <summary>The safety stage's validator over <see cref="SwarmConfig.SafeZones"/>.</summary>
    public SafetyValidator Safety => _b.Safety;
    /// <summary>The lazy agent registry.</summary>
    public AgentRegistry Registry => _b.Registry;
    /// <summary>Records that could not be restored (named, with the reason); everything else loaded.</summary>
    public IReadOnlyList<string> RestoreProblems => _b.RestoreProblems;

    /// <summary>
    /// Every response, hot: subscribers see responses produced after they subscribe; completes on dispose.
    /// A subscriber that throws is counted in <see cref="SubscriberFaults"/> and unsubscribed; the rest carry on.
    /// </summary>
    public IObservable<QueryResponse> Responses => _b.FanOut.Responses;
    /// <summary>One metric per response (empty when telemetry is disabled).</summary>
    public IObservable<QueryMetric> Metrics => Responses.ToMetrics().Where(_ => Config.EnableTelemetry);
    /// <summary>Live P50/P95/P99, count, success rate and mean confidence over <see cref="SwarmConfig.TelemetryWindow"/> (current value first).</summary>
    public IObservable<LatencySnapshot> Latency => _b.Telemetry.Latency;
    /// <summary>Swarm statistics, refreshed with every latency-window update (current value first).</summary>
    public IObservable<SwarmStats> Stats => _b.Telemetry.Latency.Select(_ => GetSwarmStats());
    /// <summary>Retained query metrics: time-range queries and JSON export.</summary>
    public MetricStore Telemetry => _b.Telemetry.Store;
    /// <summary>Agent states as keyed change sets (agent id → stats): loads, updates after each answer or feedback, evictions.</summary>
    public IObservable<IChangeSet<AgentStats, string>> AgentStates => _b.AgentStates.Connect();
    /// <summary>Every feedback result, hot; completes on dispose.</summary>
    public IObservable<FeedbackResult> FeedbackResults => _b.Feedback.Results;
    /// <summary>Queries taken in so far.</summary>
    public long QueryCount => _b.Ingress.Taken;
    /// <summary>Exceptions thrown by subscribers of the swarm's streams (isolated, counted).</summary>
    public long SubscriberFaults => _b.Faults.Count;

    /// <summary>Asks a question and awaits its response; waits while the ingress is full.</summary>
    /// <exception cref="ObjectDisposedException">The swarm is disposed.</exception>
    public Task<QueryResponse> QueryAsync(Query query, CancellationToken cancellationToken = default) => _b.Ingress.QueryAsync(query, cancellationToken);
    /// <inheritdoc cref="QueryAsync(Query, CancellationToken)"/>
    public Task<QueryResponse> QueryAsync(string text, CancellationToken cancellationToken = default) => QueryAsync(new Query(text), cancellationToken);
    /// <summary>
    /// Asks a question when subscribed (once per subscription) and delivers its <see cref="AnswerPart"/>s as the pipeline
    /// completes each stage: Routed (before the agent answers), each Section, each command's Verdict, then Done with the
    /// response <see cref="QueryAsync(Query, CancellationToken)"/> would return — or an Error part; then OnCompleted, never
    /// OnError. Parts arrive on the pipeline's thread: keep the observer quick. A full ingress is waited for, as by
    /// QueryAsync. Leaving early (or <paramref name="cancellationToken"/>) stops the delivery, not the query.
    /// </summary>
    public IObservable<AnswerPart> QueryStream(Query query, CancellationToken cancellationToken = default) => _b.Ingress.Stream(query, _b.Faults, cancellationToken);
    /// <summary>Submits a question without waiting for room: the task fails at once with <see cref="Pipeline.SwarmBusyException"/> when the ingress is full.</summary>
    public Task<QueryResponse> TryQueryAsync(Query query) => _b.Ingress.TryQueryAsync(query);

    /// <summary>
    /// Starts a conversation: a follow-up that names no feature of its own ("how do I activate it?") is
    /// answered about the feature(s) the conversation is about. Conversations are independent.
    /// </summary>
    public Conversations.Conversation CreateSession()
    {
        _b.Lifetime.ThrowIfDisposed();
        return new(this);
    }

    /// <summary>
    /// Teaches the agent behind a response (or an agent's last answer) with a reward in [-1, 1]; resolves with
    /// what happened and never throws for bad feedback. With a store, Applied is returned only once the learning
    /// is committed (retried with backoff while the store fails; cancel to stop waiting — the learning stays).
    /// </summary>
    public Task<FeedbackResult> FeedbackAsync(Feedback feedback, CancellationToken cancellationToken = default) => _b.Feedback.ApplyAsync(feedback, cancellationToken);

    /// <summary>Tells the router which feature should have answered an earlier response (this run or a recent stored one); stored before it completes.</summary>
    public Task<Routing.CorrectionResult> CorrectAsync(string responseId, string featureCode, CancellationToken cancellationToken = default) => _b.CorrectAsync(responseId, featureCode, cancellationToken);

    /// <summary>A snapshot of the whole swarm.</summary>
    public SwarmStats GetSwarmStats() => _b.Telemetry.Stats(Registry.Stats());
    /// <summary>One agent's stats, loaded or not (an unloaded one shows the lifecycle its experience gives it); null for an unknown id or code.</summary>
    public AgentStats? GetAgentStats(string agentIdOrCode) => _b.Registry.StatsOf(agentIdOrCode);

    /// <summary>Writes every agent's state to the store in one batch now and awaits it (no-op without a store).</summary>
    public Task PersistAsync(CancellationToken cancellationToken = default) => _b.Persistence.PersistAllAsync(cancellationToken);
    /// <summary>The persistence status now: last write, failures, what is being retried.</summary>
    public PersistenceStatus GetPersistenceStatus() => _b.Persistence.Current;
    /// <summary>The persistence status as it changes (current value first); completes on dispose.</summary>
    public IObservable<PersistenceStatus> Persistence => _b.Persistence.Status;

    /// <summary>This swarm's sync identity: peers add it to their <see cref="Trust"/> list to accept its deltas.</summary>
    public SwarmPublicKey Identity => _b.Sync.Current.Identity.PublicKey;
    /// <summary>The keys whose deltas this swarm accepts (its own always); once sync runs, add keys with <see cref="TrustPeers"/>.</summary>
    public TrustList Trust => _b.Sync.Current.Trust;
    /// <summary>Trusts peers' keys, also while sync runs; returns how many were new.</summary>
    /// <exception cref="ArgumentException">A key is not a point on the Ed25519 curve.</exception>
    public int TrustPeers(IEnumerable<SwarmPublicKey> keys) => _b.Sync.Current.TrustPeers(keys);
    /// <summary>
    /// Connects federated sync over <paramref name="transport"/>: peers' signed deltas are verified and merged, and
    /// with <see cref="SwarmConfig.AutoSync"/> own learning is published at most every <see cref="SwarmConfig.SyncIntervalMs"/>.
    /// A connection that cannot open is rethrown (and shown in <see cref="GetSyncStatus"/>); call again to reconnect.
    /// </summary>
    /// <exception cref="InvalidOperationException">A transport is already connected or connecting.</exception>
    /// <exception cref="SyncTransportClosedException">The connection could not be opened.</exception>
    public Task StartSyncAsync(ISyncTransport transport, CancellationToken cancellationToken = default) => _b.StartSyncAsync(transport, cancellationToken);
    /// <summary>Publishes every agent's own learning now as one signed delta; returns how many agents it carried (0: nothing learned yet).</summary>
    /// <exception cref="InvalidOperationException">Sync was not started.</exception>
    public Task<int> SyncAsync(CancellationToken cancellationToken = default) => _b.Sync.Current.SyncAsync(cancellationToken);
    /// <summary>The sync status now.</summary>
    public SyncStatus GetSyncStatus() => _b.Sync.Current.Current;
    /// <summary>The sync status as it changes (current value first); completes on dispose.</summary>
    public IObservable<SyncStatus> SyncStatus => _b.Sync.Current.Status;

    internal void CountSubscriberFault() => _b.Faults.Record();
    internal DeltaVerdict ReceiveDelta(ReadOnlySpan<byte> message) => _b.Sync.Current.Receive(message);
}
