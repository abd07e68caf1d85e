using System.Reactive.Concurrency;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Routing;
using Elex.Core.Safety;
using Elex.Storage;
using Elex.Streams.Learning;
using Elex.Streams.Persistence;
using Elex.Streams.Pipeline;
using Elex.Streams.Routing;
using Elex.Streams.Sync;
using Elex.Streams.Telemetry;

namespace Elex.Streams;

/// <summary>
/// The swarm's wiring, as docs/OPERATORS.md ("How ElexSwarm is composed") draws it: the bounded
/// ingress feeds the query graph, whose responses fan out to callers, the hot Responses stream,
/// telemetry and the agent-state cache; feedback → learn → persist, persistence, restore and sync
/// are branches beside it. Built, restored and shut down here; <see cref="ElexSwarm"/> only forwards.
/// </summary>
internal sealed class SwarmBranches
{
    private readonly IDisposable _queryGraph;
    // The thread every stage after routing runs on when routing runs ahead; null runs the graph on the ingress's reading thread.
    private readonly EventLoopScheduler? _answerThread;
    // Loaded with the rest of the store in RestoreAsync, before the swarm is handed out.
    private SyncBranch? _sync;

    private SwarmBranches(FeatureCatalog catalog, SwarmConfig? config, IScheduler clock, FeatureRouter? router, IAgentStore? store)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Config = (config ?? new SwarmConfig()).Validate();
        Catalog = catalog;
        Clock = clock;
        Router = router ?? FeatureRouter.Build(catalog);
        if (!ReferenceEquals(Router.Catalog, catalog)) throw new ArgumentException("The router was built over a different catalog.", nameof(router));
        Store = store;
        Safety = new SafetyValidator(Config.SafeZones);
        Teacher = new RouteTeacher(Router, catalog, store);
        Registry = new AgentRegistry(catalog, Config.MaxAgents, Config.ColdStartThreshold,
            Config.Learning is { } learning ? learning with { ColdStartThreshold = Config.ColdStartThreshold } : null);
        AgentStates = new AgentStateFeed(Registry, Faults);
        Telemetry = new TelemetryBranch(Config, clock);
        Persistence = new PersistenceBranch(store, catalog, Registry, Experiences, AgentStates, Config.Persistence, Telemetry, clock);
        Feedback = new FeedbackBranch(new FeedbackLearner(Registry, Experiences), clock, Telemetry, Persistence, AgentStates, Lifetime);
        Ingress = new QueryIngress(Config, clock, Lifetime);
        FanOut = new ResponseFanOut(Teacher, Telemetry, Experiences, AgentStates, Faults);
        _answerThread = Config.RouteAhead ? new EventLoopScheduler(start => new Thread(start) { Name = "elex-answer", IsBackground = true }) : null;
        _queryGraph = QueryGraph.Build(Ingress.Items, Router, Registry, Safety, Config, clock, () => Ingress.IsEmpty, _answerThread)
            .Subscribe(item => FanOut.Deliver(item, item.Response!), OnQueryGraphError, Ingress.Drained);
        if (!Config.LazyLoading) Registry.Preload(catalog.Features.Select(f => f.Code));
    }

    public SwarmConfig Config { get; }
    public FeatureCatalog Catalog { get; }
    public IScheduler Clock { get; }
    public FeatureRouter Router { get; }
    public IAgentStore? Store { get; }
    public SafetyValidator Safety { get; }
    public AgentRegistry Registry { get; }
    public SwarmLifetime Lifetime { get; } = new();
    public ExperienceLog Experiences { get; } = new();
    public SubscriberFaultCounter Faults { get; } = new();
    public List<string> RestoreProblems { get; } = [];
    public RouteTeacher Teacher { get; }
    public AgentStateFeed AgentStates { get; }
    public TelemetryBranch Telemetry { get; }
    public PersistenceBranch Persistence { get; }
    public FeedbackBranch Feedback { get; }
    public QueryIngress Ingress { get; }
    public ResponseFanOut FanOut { get; }
    public SyncBranch Sync => _sync ?? throw new InvalidOperationException("The swarm is still being created.");

    /// <summary>Builds the branches and restores what <paramref name="store"/> holds; on failure, disposes what was built.</summary>
    public static async Task<SwarmBranches> CreateAsync(FeatureCatalog catalog, SwarmConfig? config, IAgentStore? store, IScheduler clock, FeatureRouter? router, CancellationToken cancellationToken)
    {
        var branches = new SwarmBranches(catalog, config, clock, router, store);
        try
        {
            await branches.RestoreAsync(cancellationToken).ConfigureAwait(false);
            return branches;
        }
        catch
        {
            await branches.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<CorrectionResult> CorrectAsync(string responseId, string featureCode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(responseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(featureCode);
        Lifetime.ThrowIfDisposed();
        return Teacher.CorrectAsync(responseId, featureCode, cancellationToken);
    }

    public Task StartSyncAsync(Elex.Sync.Transport.ISyncTransport transport, CancellationToken cancellationToken)
    {
        Lifetime.ThrowIfDisposed();
        return Sync.StartAsync(transport, cancellationToken);
    }

    // Agents first, then learned routes, then sync, which adopts peers' learning into the restored agents.
    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        if (Store is not null)
        {
            RestoreProblems.AddRange(await RestoreStep.RunAsync(Store, Catalog, Registry, Experiences, cancellationToken).ConfigureAwait(false));
            RestoreProblems.AddRange(await Teacher.LoadAsync(cancellationToken).ConfigureAwait(false));
        }
        var (sync, problems) = await SyncBranch.CreateAsync(Store, Registry, Teacher, Config, Feedback.Results, Clock, cancellationToken).ConfigureAwait(false);
        _sync = sync;
        RestoreProblems.AddRange(problems);
    }

    /// <summary>Stops taking queries, lets those already queued finish, persists (with a store), then completes every stream.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!Lifetime.TryBeginDispose()) return;
        await Ingress.CloseAndDrainAsync().ConfigureAwait(false);
        try
        {
            Persistence.StopBackground();
            if (_sync is null) return;
            await _sync.DisposeAsync().ConfigureAwait(false);
            if (!Persistence.HasStore) return;
            await _sync.Current.SaveAsync(CancellationToken.None).ConfigureAwait(false);
            await Teacher.SaveRecentAsync(CancellationToken.None).ConfigureAwait(false);
            await Persistence.PersistAllBeforeExitAsync().ConfigureAwait(false);
        }
        finally
        {
            Shutdown();
        }
    }

    // Only a broken ingress ends the graph; callers still waiting are failed with the cause.
    private void OnQueryGraphError(Exception error)
    {
        Ingress.Fail(error);
        FanOut.Fail(error);
        Ingress.Drained();
    }

    // Upstream before downstream, so no branch publishes into one already completed.
    private void Shutdown()
    {
        _queryGraph.Dispose();
        _answerThread?.Dispose();
        Feedback.Dispose();
        Telemetry.Dispose();
        Registry.Shutdown();
        FanOut.Dispose();
        AgentStates.Dispose();
        Persistence.Dispose();
    }
}
