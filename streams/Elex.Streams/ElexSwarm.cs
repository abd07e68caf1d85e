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
using Elex.Streams.Sync;
using Elex.Streams.Telemetry;

namespace Elex.Streams;

/// <summary>
/// The composition root over named branches (docs/OPERATORS.md, "How ElexSwarm is composed"): the bounded
/// ingress feeds the query graph (Classify → Route → ResolveFollowUps → Dispatch → Answer → ValidateSafety),
/// whose responses fan out to callers, the hot <see cref="Responses"/> stream, telemetry and the agent-state
/// cache; feedback, persistence and sync are branches beside it. Queries are processed one at a time in
/// arrival order, so responses come out in the order queries went in; producers on any thread are held
/// back (or rejected) by the bounded ingress instead of growing memory.
/// </summary>
public sealed partial class ElexSwarm : IAsyncDisposable, IDisposable
{
    private readonly SwarmLifetime _lifetime = new();
    private readonly ExperienceLog _experiences = new();
    private readonly SubscriberFaultCounter _faults = new();
    private readonly List<string> _restoreProblems = [];
    private readonly Routing.RouteTeacher _teacher;
    private readonly AgentStateFeed _agentStates;
    private readonly TelemetryBranch _telemetry;
    private readonly PersistenceBranch _persistence;
    private readonly FeedbackBranch _feedback;
    private readonly QueryIngress _ingress;
    private readonly ResponseFanOut _fanOut;
    private readonly IDisposable _queryGraph;
    private readonly SyncBranch _sync;

    /// <summary>
    /// Creates a swarm, restores what <paramref name="store"/> holds (agent state, learned routes, sync
    /// identity) and starts it. Corrupt records are skipped and reported in <see cref="RestoreProblems"/>;
    /// the rest loads. Without a store nothing persists.
    /// </summary>
    public static async Task<ElexSwarm> CreateAsync(FeatureCatalog catalog, SwarmConfig? config = null, IAgentStore? store = null, IScheduler? scheduler = null, FeatureRouter? router = null, CancellationToken cancellationToken = default)
    {
        var swarm = new ElexSwarm(catalog, config, scheduler, router, store);
        if (store is null) return swarm;
        try
        {
            swarm._restoreProblems.AddRange(await RestoreStep.RunAsync(store, catalog, swarm.Registry, swarm._experiences, cancellationToken).ConfigureAwait(false));
            swarm._restoreProblems.AddRange(await swarm._teacher.LoadAsync(cancellationToken).ConfigureAwait(false));
            swarm._restoreProblems.AddRange(await swarm._sync.LoadFromAsync(store, cancellationToken).ConfigureAwait(false));
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
        ArgumentNullException.ThrowIfNull(catalog);
        Config = (config ?? new SwarmConfig()).Validate();
        Catalog = catalog;
        var clock = scheduler ?? Scheduler.Default;
        Router = router ?? FeatureRouter.Build(catalog);
        Safety = new SafetyValidator(Config.SafeZones);
        _teacher = new Routing.RouteTeacher(Router, catalog, store);
        if (!ReferenceEquals(Router.Catalog, catalog)) throw new ArgumentException("The router was built over a different catalog.", nameof(router));
        Registry = new AgentRegistry(catalog, Config.MaxAgents, Config.ColdStartThreshold,
            Config.Learning is { } learning ? learning with { ColdStartThreshold = Config.ColdStartThreshold } : null);
        _agentStates = new AgentStateFeed(Registry, _faults);
        _telemetry = new TelemetryBranch(Config, clock);
        _persistence = new PersistenceBranch(store, catalog, Registry, _experiences, _agentStates, Config.Persistence, _telemetry, clock);
        _feedback = new FeedbackBranch(new FeedbackLearner(Registry, _experiences), clock, _telemetry, _persistence, _agentStates, _lifetime);
        _ingress = new QueryIngress(Config, clock, _lifetime);
        _fanOut = new ResponseFanOut(_teacher, _telemetry, _experiences, _agentStates, _faults);
        _queryGraph = QueryGraph.Build(_ingress.Items, Router, Registry, Safety, Config, clock)
            .Subscribe(item => _fanOut.Deliver(item, item.Response!), OnQueryGraphError, _ingress.Drained);
        _sync = new SyncBranch(Registry, _teacher, Config, _feedback.Results, clock);
        if (!Config.LazyLoading) Registry.Preload(catalog.Features.Select(f => f.Code));
    }

    /// <summary>Stops taking queries, lets those already queued finish, persists (with a store), then completes every stream.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_lifetime.TryBeginDispose()) return;
        await _ingress.CloseAndDrainAsync().ConfigureAwait(false);
        try
        {
            _persistence.StopBackground();
            await _sync.DisposeAsync().ConfigureAwait(false);
            if (_persistence.HasStore)
            {
                await _sync.Current.SaveAsync(CancellationToken.None).ConfigureAwait(false);
                await _teacher.SaveRecentAsync(CancellationToken.None).ConfigureAwait(false);
                await _persistence.PersistAllBeforeExitAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            Shutdown();
        }
    }

    /// <summary>Synchronous dispose: same as <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    // Only a broken ingress ends the graph; callers still waiting are failed with the cause.
    private void OnQueryGraphError(Exception error)
    {
        _ingress.Fail(error);
        _fanOut.Fail(error);
        _ingress.Drained();
    }

    // Upstream before downstream, so no branch publishes into one already completed.
    private void Shutdown()
    {
        _queryGraph.Dispose();
        _feedback.Dispose();
        _telemetry.Dispose();
        Registry.Shutdown();
        _fanOut.Dispose();
        _agentStates.Dispose();
        _persistence.Dispose();
    }
}
