using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Threading.Channels;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Core.Safety;
using Elex.Core.Routing;
using Elex.Streams.Cache;
using Elex.Streams.Ingress;
using Elex.Streams.Operators;
using Elex.Streams.Pipeline;
using Elex.Streams.Telemetry;
using Elex.Streams.Persistence;
using Elex.Streams.Sync;
using Elex.Sync;
using Elex.Sync.Transport;
using Elex.Storage;
using System.Diagnostics;
using Elex.Core.Telemetry;

namespace Elex.Streams;

/// <summary>
/// The composition root: bounded channel ingress → Classify → Route → ResolveFollowUps → Dispatch → Answer → ValidateSafety, published
/// as one hot <see cref="Responses"/> stream with a <see cref="Metrics"/> tap and a keyed cache of
/// agent states. Queries are processed one at a time in arrival order by a single reading loop, so
/// responses come out in the order queries went in; producers on any thread are held back (or
/// rejected) by the bounded ingress instead of growing memory.
/// </summary>
public sealed class ElexSwarm : IAsyncDisposable, IDisposable
{
    private readonly Channel<PipelineItem> _ingress;
    private readonly Subject<QueryResponse> _responses = new();
    private readonly IScheduler _scheduler;
    private readonly SourceCache<AgentStats, string> _agentStates = new(s => s.AgentId);
    private readonly IDisposable _pipeline;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SwarmInstrumentation _instrumentation = new();
    private readonly MetricStore _metricStore;
    private readonly BehaviorSubject<LatencySnapshot> _latency;
    private readonly IDisposable _telemetry;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly object _statsGate = new();
    private long _answered;
    private long _successes;
    private double _latencySumUs;
    private long _queries;
    private long _subscriberFaults;
    private int _disposed;

    private readonly IAgentStore? _store;
    private readonly ExperienceLog _experiences = new();
    private readonly FeedbackLearner _feedbackLearner;
    private readonly Subject<(Feedback Feedback, TaskCompletionSource<(FeedbackResult Result, long Version)> Completion)> _feedbackIn = new();
    private readonly Subject<FeedbackResult> _feedbackResults = new();
    private readonly Subject<MetricRating> _ratings = new();
    private readonly IDisposable _feedbackPipeline;
    private readonly List<string> _restoreProblems = [];
    private readonly AgentStateWriter? _writer;
    private readonly Subject<IReadOnlyList<string>> _durableRequests = new();
    private readonly BehaviorSubject<PersistenceStatus> _persistenceStatus;
    // Background writes and PersistAsync callers update the status from different threads: one at a time.
    private readonly object _persistenceGate = new();
    private readonly IDisposable _persistence;
    private SwarmSync _sync;
    private IDisposable _autoSync = System.Reactive.Disposables.Disposable.Empty;
    private int _autoSyncStarted;
    private readonly Routing.RouteTeacher _teacher;

    /// <summary>
    /// Creates a swarm, restores what <paramref name="store"/> holds (agent counters) and starts it.
    /// Corrupt records are skipped and reported in <see cref="RestoreProblems"/>; the rest loads.
    /// </summary>
    public static async Task<ElexSwarm> CreateAsync(FeatureCatalog catalog, SwarmConfig? config, IAgentStore store, IScheduler? scheduler = null, FeatureRouter? router = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var swarm = new ElexSwarm(catalog, config, scheduler, router, store);
        try
        {
            await swarm.RestoreAsync(cancellationToken).ConfigureAwait(false);
            swarm._restoreProblems.AddRange(await swarm._teacher.LoadAsync(cancellationToken).ConfigureAwait(false));
            var (sync, problems) = await SwarmSync.LoadAsync(store, swarm.Registry, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            await swarm._sync.DisposeAsync().ConfigureAwait(false);
            swarm._sync = sync;
            swarm.ShareRoutesThrough(sync);
            swarm._restoreProblems.AddRange(problems);
            return swarm;
        }
        catch
        {
            await swarm.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates a swarm over a catalog and starts its pipeline (no store: nothing persists).</summary>
    public ElexSwarm(FeatureCatalog catalog, SwarmConfig? config = null, IScheduler? scheduler = null, FeatureRouter? router = null)
        : this(catalog, config, scheduler, router, null)
    {
    }

    private ElexSwarm(FeatureCatalog catalog, SwarmConfig? config, IScheduler? scheduler, FeatureRouter? router, IAgentStore? store)
    {
        _store = store;
        ArgumentNullException.ThrowIfNull(catalog);
        Config = (config ?? new SwarmConfig()).Validate();
        Catalog = catalog;
        _scheduler = scheduler ?? Scheduler.Default;
        Router = router ?? FeatureRouter.Build(catalog);
        Safety = new SafetyValidator(Config.SafeZones);
        _teacher = new Routing.RouteTeacher(Router, catalog, store);
        if (!ReferenceEquals(Router.Catalog, catalog)) throw new ArgumentException("The router was built over a different catalog.", nameof(router));
        Registry = new AgentRegistry(catalog, Config.MaxAgents, Config.ColdStartThreshold,
            Config.Learning is { } learning ? learning with { ColdStartThreshold = Config.ColdStartThreshold } : null);
        _feedbackLearner = new FeedbackLearner(Registry, _experiences);
        _feedbackPipeline = _feedbackIn
            .Synchronize()
            .Learn(_feedbackLearner, _scheduler, static p => p.Feedback, static (p, result) => (p.Completion, result))
            .Subscribe(x =>
            {
                if (x.result.Applied)
                {
                    _instrumentation.RecordFeedback(x.result.Feedback.Success);
                    ApplyRating(x.result);
                }
                var version = 0L;
                if (x.result.Applied && _writer is not null && x.result.AgentId is { } learned)
                {
                    version = _writer.MarkChanged(learned);
                    _durableRequests.OnNext([learned]);
                }
                _feedbackResults.OnNext(x.result);
                x.Completion.TrySetResult((x.result, version));
            });
        Registry.Loaded += PublishAgentState;
        Registry.Evicted += PublishAgentState;

        _ingress = Channel.CreateBounded<PipelineItem>(new BoundedChannelOptions(Config.IngressCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Metrics = Responses.ToMetrics().Where(_ => Config.EnableTelemetry);
        _metricStore = new MetricStore(Config.MetricRetention);
        _latency = new BehaviorSubject<LatencySnapshot>(new LatencySnapshot(_scheduler.Now, Config.TelemetryWindow, 0, 0, 0, 0, 0, 0));
        var metrics = Metrics.Publish();
        _telemetry = new System.Reactive.Disposables.CompositeDisposable(
            metrics.Subscribe(_metricStore.Add),
            metrics.SlidingP95(_ratings, Config.TelemetryWindow, Config.TelemetryRefresh, _scheduler).Subscribe(_latency),
            metrics.Connect());
        var classified = _ingress.Reader.ToObservable().Classify(_scheduler);
        // One notion of "confident enough to answer" for follow-ups and for dispatch.
        var answeredFrom = Math.Max(Config.MinConfidence, Config.AbstainBelow);
        _pipeline = (Config.AsyncModel
                ? classified.RouteWithAsyncModel(Router, Config.SemanticBatchWindow, Config.SemanticBatchSize, _scheduler)
                : Router.Semantic is not null && Config.SemanticBatchWindow > TimeSpan.Zero
                ? classified.RouteInBatches(Router, Config.SemanticBatchWindow, Config.SemanticBatchSize, _scheduler)
                : classified.Route(Router))
            .ResolveFollowUps(Router, answeredFrom)
            .Dispatch(Registry, answeredFrom)
            .Answer(_scheduler, static (item, response) => (item, response))
            .ValidateSafety(Safety, static pair => pair.response, static (pair, validated) => (pair.item, validated))
            .Subscribe(pair => Deliver(pair.response, pair.item), OnPipelineError, OnPipelineCompleted);
        if (store is null)
        {
            _persistenceStatus = new BehaviorSubject<PersistenceStatus>(PersistenceStatus.Disabled);
            _persistence = System.Reactive.Disposables.Disposable.Empty;
        }
        else
        {
            _writer = new AgentStateWriter(store, catalog, Registry, _experiences);
            _persistenceStatus = new BehaviorSubject<PersistenceStatus>(PersistenceStatus.Disabled with { Enabled = true });
            var policy = Config.Persistence;
            _persistence = _agentStates.Connect()
                .CoalesceKeys(policy.Debounce, policy.MaxBatch, policy.MaxDelay, _scheduler)
                .Merge(_durableRequests)
                .Persist((ids, token) => _writer.WriteAsync(ids, token), policy, _scheduler)
                .Subscribe(OnPersistOutcome);
        }
        // Without a store the identity is new each run; LoadAsync completes synchronously then.
        _sync = SwarmSync.LoadAsync(null, Registry, TimeProvider.System, CancellationToken.None).GetAwaiter().GetResult().Sync;
        ShareRoutesThrough(_sync);
        if (!Config.LazyLoading) Registry.Preload(catalog.Features.Select(f => f.Code));
    }

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
    public IObservable<QueryResponse> Responses => Observable.Create<QueryResponse>(observer =>
        _responses.Subscribe(
            response =>
            {
                try { observer.OnNext(response); }
                catch (Exception) { Interlocked.Increment(ref _subscriberFaults); }
            },
            observer.OnError,
            observer.OnCompleted));

    /// <summary>One metric per response (empty when telemetry is disabled).</summary>
    public IObservable<QueryMetric> Metrics { get; }

    /// <summary>
    /// Live P50/P95/P99, count, success rate and mean confidence over the sliding window
    /// (<see cref="SwarmConfig.TelemetryWindow"/>): the current value on subscribe, then every
    /// update. Completes when the swarm is disposed.
    /// </summary>
    public IObservable<LatencySnapshot> Latency => _latency.AsObservable();

    /// <summary>Swarm statistics, refreshed with every latency-window update (current value first). Completes on dispose.</summary>
    public IObservable<SwarmStats> Stats => _latency.Select(_ => GetSwarmStats());

    /// <summary>Retained query metrics: time-range queries and JSON export.</summary>
    public MetricStore Telemetry => _metricStore;

    /// <summary>Agent states as keyed change sets (agent id → stats): loads, updates after each answer, evictions.</summary>
    public IObservable<IChangeSet<AgentStats, string>> AgentStates => _agentStates.Connect();

    /// <summary>Queries taken in so far.</summary>
    public long QueryCount => Interlocked.Read(ref _queries);

    /// <summary>Exceptions thrown by response subscribers (isolated, counted).</summary>
    public long SubscriberFaults => Interlocked.Read(ref _subscriberFaults);

    /// <summary>Asks a question and awaits its response. Waits while the ingress is full.</summary>
    /// <exception cref="ObjectDisposedException">The swarm is disposed.</exception>
    public async Task<QueryResponse> QueryAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var item = NewItem(query);
        try
        {
            await _ingress.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(ElexSwarm));
        }
        Interlocked.Increment(ref _queries);
        return await item.Completion!.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks a question and awaits its response.</summary>
    public Task<QueryResponse> QueryAsync(string text, CancellationToken cancellationToken = default) =>
        QueryAsync(new Query(text), cancellationToken);

    /// <summary>
    /// Submits a question without waiting for room: returns a task that fails with
    /// <see cref="SwarmBusyException"/> at once when the ingress is full.
    /// </summary>
    public Task<QueryResponse> TryQueryAsync(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var item = NewItem(query);
        if (!_ingress.Writer.TryWrite(item)) return Task.FromException<QueryResponse>(new SwarmBusyException(Config.IngressCapacity));
        Interlocked.Increment(ref _queries);
        return item.Completion!.Task;
    }

    /// <summary>
    /// Starts a conversation: its questions go through this swarm's pipeline, and a follow-up that names
    /// no feature of its own ("how do I activate it?") is answered about the feature(s) the conversation
    /// is about. Conversations are independent of each other.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The swarm is disposed.</exception>
    public Conversations.Conversation CreateSession()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return new Conversations.Conversation(this);
    }

    /// <summary>Counts an exception thrown by a subscriber of one of the swarm's streams (isolated, see <see cref="SubscriberFaults"/>).</summary>
    internal void CountSubscriberFault() => Interlocked.Increment(ref _subscriberFaults);

    /// <summary>
    /// Tells the router which feature should have answered an earlier response (in this run, or a
    /// recent one of an earlier run with the same store): questions like it will go there. The learned
    /// routes are stored with the agents' state before this completes.
    /// </summary>
    public Task<Routing.CorrectionResult> CorrectAsync(string responseId, string featureCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(responseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(featureCode);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
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
    public async Task<FeedbackResult> FeedbackAsync(Feedback feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var completion = new TaskCompletionSource<(FeedbackResult Result, long Version)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _feedbackIn.OnNext((feedback, completion));
        // Learning runs inside OnNext; if nothing answered, the feedback stream had already ended (disposal raced this call).
        if (!completion.Task.IsCompleted) completion.TrySetException(new ObjectDisposedException(nameof(ElexSwarm), "The swarm was disposed before the feedback could be applied."));
        var (result, version) = await completion.Task.ConfigureAwait(false);
        if (version > 0) await _writer!.WhenDurable(result.AgentId!, version, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Every feedback result, hot; completes when the swarm is disposed.</summary>
    public IObservable<FeedbackResult> FeedbackResults => _feedbackResults.AsObservable();

    /// <summary>A snapshot of the whole swarm.</summary>
    public SwarmStats GetSwarmStats()
    {
        var registry = Registry.Stats();
        var answered = Interlocked.Read(ref _answered);
        double latencySum;
        lock (_statsGate) latencySum = _latencySumUs;
        return new SwarmStats(registry.Known, registry.Loaded, answered, Interlocked.Read(ref _successes),
            answered == 0 ? 0 : latencySum / answered / 1000.0, registry.HitRate, registry.Evictions,
            GC.GetTotalMemory(false) / (1024.0 * 1024.0), Stopwatch.GetElapsedTime(_startedAt).TotalMilliseconds,
            Config.Topology switch { SwarmTopology.Mesh => "mesh", SwarmTopology.Hierarchical => "hierarchical", _ => "hierarchical_mesh" },
            _latency.Value);
    }

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
    public async Task PersistAsync(CancellationToken cancellationToken = default)
    {
        if (_writer is null) return;
        var written = await _writer.WriteAllAsync(cancellationToken).ConfigureAwait(false);
        PublishPersistence(status => status with
        {
            LastPersistedAt = _scheduler.Now, Writes = status.Writes + 1, AgentsPersisted = status.AgentsPersisted + written,
        });
    }

    /// <summary>This swarm's sync identity: peers add this key to their <see cref="Trust"/> list to accept its deltas.</summary>
    public SwarmPublicKey Identity => _sync.Identity.PublicKey;

    /// <summary>
    /// The keys whose deltas this swarm accepts (its own always). Add peers' keys here before sync starts;
    /// once it runs, use <see cref="TrustPeers"/>, which does not race the verification of arriving deltas.
    /// </summary>
    public TrustList Trust => _sync.Trust;

    /// <summary>Trusts peers' keys, also while sync runs; returns how many were not trusted before.</summary>
    /// <exception cref="ArgumentException">A key is not a point on the Ed25519 curve.</exception>
    public int TrustPeers(IEnumerable<SwarmPublicKey> keys) => _sync.TrustPeers(keys);

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
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _sync.StartAsync(transport, cancellationToken).ConfigureAwait(false);
        // One publishing stream whatever the number of (re)connections: it publishes through whichever is current.
        if (!Config.AutoSync || Interlocked.Exchange(ref _autoSyncStarted, 1) != 0) return;
        var sync = _sync;
        _autoSync = _feedbackResults
            .SampleSync(TimeSpan.FromMilliseconds(Config.SyncIntervalMs), sync.SyncAsync, _scheduler)
            .Subscribe();
    }

    /// <summary>Publishes every agent's own learning now as one signed delta; returns how many agents it carried (0 = nothing learned yet).</summary>
    /// <exception cref="InvalidOperationException">Sync was not started.</exception>
    public Task<int> SyncAsync(CancellationToken cancellationToken = default) => _sync.SyncAsync(cancellationToken);

    /// <summary>The sync status now.</summary>
    public SyncStatus GetSyncStatus() => _sync.Current;

    /// <summary>The sync status as it changes (current value first); completes when the swarm is disposed.</summary>
    public IObservable<SyncStatus> SyncStatus => _sync.Status;

    /// <summary>Verifies and (when accepted) merges one delta as if it had arrived from the relay.</summary>
    internal DeltaVerdict ReceiveDelta(ReadOnlySpan<byte> message) => _sync.Receive(message);

    /// <summary>The persistence status now: last write, failures, what is being retried.</summary>
    public PersistenceStatus GetPersistenceStatus() => _persistenceStatus.Value;

    /// <summary>The persistence status as it changes (current value first); completes when the swarm is disposed.</summary>
    public IObservable<PersistenceStatus> Persistence => _persistenceStatus.AsObservable();

    /// <summary>Stops taking queries, lets those already queued finish, persists (with a store), then completes every stream.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _ingress.Writer.TryComplete();
        await _drained.Task.ConfigureAwait(false);
        try
        {
            // The final write covers everything, so the background writer is stopped rather than drained
            // (its retries run on the swarm's scheduler, which need not be advancing any more).
            _persistence.Dispose();
            _autoSync.Dispose();
            await _sync.DisposeAsync().ConfigureAwait(false);
            if (_writer is not null)
            {
                await _sync.SaveAsync(CancellationToken.None).ConfigureAwait(false);
                await _teacher.SaveRecentAsync(CancellationToken.None).ConfigureAwait(false);
                using var timeout = new CancellationTokenSource(Config.Persistence.WriteTimeout);
                await PersistAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            Shutdown();
        }
    }

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        var tables = (await _store!.LoadQTablesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.AgentId, t => t.Data, StringComparer.Ordinal);
        var trajectories = (await _store.LoadTrajectoriesAsync(null, cancellationToken).ConfigureAwait(false))
            .GroupBy(t => t.AgentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<TrajectoryRecord>)g.ToList(), StringComparer.Ordinal);
        var notInCatalog = new List<string>();
        foreach (var record in await _store.LoadAgentStatesAsync(cancellationToken).ConfigureAwait(false))
        {
            var (document, error) = AgentStateDocument.Parse(record);
            if (document is null)
            {
                // Kept aside under its name before a later write of that agent replaces it.
                await _store.SetSettingAsync($"quarantine/{record.AgentId}", record.Json, cancellationToken).ConfigureAwait(false);
                _restoreProblems.Add($"{error} (quarantined as setting quarantine/{record.AgentId})");
                continue;
            }
            if (!FeatureCode.TryParse(document.FeatureCode, out var code) || !Catalog.Contains(code))
            {
                notInCatalog.Add(document.FeatureCode);
                continue;
            }
            Registry.CountersFor(code).Restore(document.Interactions, document.Successes, document.LatencySumUs, document.ConfidenceSum, document.LastActive);
            Registry.CountersFor(code).RestoreRatings(document.Rated, document.RatedUnsuccessful);
            foreach (var experience in document.RestoreExperiences(code)) _experiences.Add(experience);
            if (Registry.Learning is not { } options || document.Learner is null) continue;
            if (!tables.TryGetValue(record.AgentId, out var table))
            {
                _restoreProblems.Add($"q_tables record {record.AgentId} is missing; the agent starts learning afresh");
                continue;
            }
            try
            {
                Registry.RestoreLearner(code, document.RestoreLearner(table, trajectories.GetValueOrDefault(record.AgentId) ?? [], options));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                _restoreProblems.Add($"learner of {record.AgentId} is corrupt ({e.Message}); the agent starts learning afresh");
            }
        }
        if (notInCatalog.Count > 0) _restoreProblems.Add(StoredAgentsOutsideCatalog.Describe(notInCatalog));
    }

    /// <summary>Synchronous dispose: same as <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private PipelineItem NewItem(Query query) =>
        new(query, _scheduler.Now, new TaskCompletionSource<QueryResponse>(TaskCreationOptions.RunContinuationsAsynchronously))
        {
            Activity = Config.EnableTelemetry ? SwarmInstrumentation.StartQuery(query.Id) : null,
        };

    // Learned routes travel with the signed Q-table deltas: published from the router's memory,
    // adopted from every delta a trusted peer's signature makes acceptable.
    private void ShareRoutesThrough(SwarmSync sync)
    {
        sync.RouteSource = _teacher.SharedRoutes;
        sync.RouteSink = _teacher.Adopt;
        sync.SaveRoutes = _teacher.SaveLearnedAsync;
    }

    // A rating makes an answer a success or not: the swarm's count (for responses of this run, the only
    // ones it counted), the retained metric and the live window follow it; a loaded agent republishes its state.
    private void ApplyRating(FeedbackResult result)
    {
        if (result.ResponseId is not { } responseId || result.Rating is not { } rating) return;
        if (!result.FromEarlierRun && result.SuccessChange != 0) Interlocked.Add(ref _successes, result.SuccessChange);
        if (Config.EnableTelemetry)
        {
            _metricStore.Rate(responseId, rating.Success);
            _ratings.OnNext(new MetricRating(responseId, rating.Success));
        }
        if (result.AgentId is { } id && AgentId.TryParse(id, out var code) && Registry.Peek(code) is { } agent) _agentStates.AddOrUpdate(agent.Snapshot());
    }

    private void Deliver(QueryResponse response, PipelineItem item)
    {
        _teacher.Remember(response);
        Interlocked.Increment(ref _answered);
        if (response.Status == ResponseStatus.Answered) Interlocked.Increment(ref _successes);
        lock (_statsGate) _latencySumUs += response.LatencyUs;
        if (Config.EnableTelemetry) _instrumentation.Record(response, item.Activity);
        if (item.Agent is { } agent)
        {
            if (response.LearningState is { } state)
                _experiences.Add(new Experience(response.ResponseId, agent.Feature.Code, state, response.Strategy, response.Timestamp.UtcTicks));
            _agentStates.AddOrUpdate(agent.Snapshot());
        }
        _responses.OnNext(response);
        item.Completion?.TrySetResult(response);
    }

    // Only a broken ingress ends the graph; callers still waiting are failed with the cause.
    private void OnPipelineError(Exception error)
    {
        _ingress.Writer.TryComplete();
        while (_ingress.Reader.TryRead(out var item)) item.Completion?.TrySetException(error);
        _responses.OnError(error);
        _drained.TrySetResult();
    }

    private void OnPipelineCompleted() => _drained.TrySetResult();

    private void OnPersistOutcome(PersistOutcome<string> outcome)
    {
        _instrumentation.RecordPersist(outcome);
        PublishPersistence(status => status.After(outcome));
    }

    private void PublishPersistence(Func<PersistenceStatus, PersistenceStatus> next)
    {
        lock (_persistenceGate) _persistenceStatus.OnNext(next(_persistenceStatus.Value));
    }

    private void PublishAgentState(FeatureAgent agent) => _agentStates.AddOrUpdate(agent.Snapshot());

    private void Shutdown()
    {
        _pipeline.Dispose();
        _feedbackPipeline.Dispose();
        _feedbackIn.OnCompleted();
        _feedbackResults.OnCompleted();
        _telemetry.Dispose();
        _ratings.OnCompleted();
        _latency.OnCompleted();
        _instrumentation.Dispose();
        Registry.Shutdown();
        _responses.OnCompleted();
        _responses.Dispose();
        _agentStates.Dispose();
        _persistence.Dispose();
        lock (_persistenceGate) _persistenceStatus.OnCompleted();
        _writer?.Dispose();
    }
}
