using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Core.Routing;
using Elex.Core.Safety;
using Elex.Orleans.Contracts;
using Elex.Streams.Orleans.Learning;
using Elex.Streams.Orleans.Pipeline;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Orleans;

/// <summary>
/// The swarm with its feature agents spread over an Orleans cluster: questions are classified and
/// routed here with the local graph's operators, then answered by the agent's grain on whichever silo
/// hosts it; feedback goes to the same grain, which stores what it learns before acknowledging it, so
/// learning is shared cluster-wide through grain state. Responses and learning results are observable here.
/// </summary>
public sealed class ClusterSwarm : IDisposable
{
    private readonly ISubject<PipelineItem> _ingress;
    private readonly Subject<QueryResponse> _responses = new();
    private readonly Subject<FeedbackResult> _learning = new();
    private readonly RecentResponses _recent;
    private readonly ClusterFeedback _feedback;
    private readonly IGrainFactory _grains;
    private readonly IScheduler _scheduler;
    private readonly IDisposable _graph;
    private int _disposed;

    /// <summary>A client-side swarm over the agent grains <paramref name="grains"/> reaches.</summary>
    /// <param name="grains">The cluster client (or any grain factory).</param>
    /// <param name="catalog">The catalog; the silos must host the same one.</param>
    /// <param name="router">The router (built over <paramref name="catalog"/> when null).</param>
    /// <param name="options">Routing, concurrency and retry settings.</param>
    /// <param name="scheduler">The clock of latencies and retry delays (<see cref="Scheduler.Default"/> when null).</param>
    public ClusterSwarm(IGrainFactory grains, FeatureCatalog catalog, FeatureRouter? router = null, ClusterSwarmOptions? options = null, IScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(catalog);
        options = (options ?? new ClusterSwarmOptions()).Validate();
        router ??= FeatureRouter.Build(catalog);
        if (!ReferenceEquals(router.Catalog, catalog)) throw new ArgumentException("The router was built over a different catalog.", nameof(router));
        _grains = grains;
        _scheduler = scheduler ?? Scheduler.Default;
        _recent = new RecentResponses(options.RememberedResponses);
        _feedback = new ClusterFeedback(grains, catalog, _recent, options, _scheduler);
        // Callers on any thread enter here; the graph sees them one at a time.
        _ingress = Subject.Synchronize(new Subject<PipelineItem>());
        _graph = ClusterQueryGraph.Build(_ingress, router, grains, catalog, new SafetyValidator(options.SafeZones), options, _recent.Remember, _scheduler)
            .Subscribe(Deliver, OnGraphError);
    }

    /// <summary>Every response, as it is delivered (hot; completes on dispose).</summary>
    public IObservable<QueryResponse> Responses => _responses.AsObservable();

    /// <summary>Every feedback result, applied or not (hot; completes on dispose).</summary>
    public IObservable<FeedbackResult> LearningEvents => _learning.AsObservable();

    /// <summary>Answers a question: exactly one response, an Error response (not an exception) when the cluster could not answer.</summary>
    /// <exception cref="ObjectDisposedException">The swarm was disposed.</exception>
    public Task<QueryResponse> QueryAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var completion = new TaskCompletionSource<QueryResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ingress.OnNext(new PipelineItem(query, _scheduler.Now, completion));
        return completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Sends feedback to the agent that gave the response (by response id, or the agent's last answer
    /// by agent id). Applied means stored: it survives the silo that learned it.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The swarm was disposed.</exception>
    public async Task<FeedbackResult> FeedbackAsync(Feedback feedback, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var result = await _feedback.ApplyAsync(feedback, cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _disposed) == 0) _learning.OnNext(result);
        return result;
    }

    /// <summary>Which agent, learning state, strategy and silo answered a response, while it is remembered.</summary>
    public AnsweredBy? AnsweredBy(string responseId) => _recent.TryGet(responseId, out var answered) ? answered : null;

    /// <summary>What an agent has learned, read from its grain (activating it on some silo if it is not active).</summary>
    /// <exception cref="ArgumentException">No agent with that id or code; the message names it.</exception>
    public Task<AgentGrainStatus> GetAgentStatusAsync(string agentIdOrCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentIdOrCode);
        var key = AgentId.TryParse(agentIdOrCode, out var code) ? AgentId.For(code) : agentIdOrCode;
        return _grains.GetGrain<IFeatureAgentGrain>(key).GetStatusAsync();
    }

    /// <summary>Stops taking questions and completes both streams.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _ingress.OnCompleted();
        _graph.Dispose();
        _responses.OnCompleted();
        _learning.OnCompleted();
    }

    private void Deliver(PipelineItem item)
    {
        var response = item.Response!;
        item.Completion?.TrySetResult(response);
        _responses.OnNext(response);
    }

    // Every stage turns its failures into responses; only a broken operator ends the graph.
    private void OnGraphError(Exception error) => _responses.OnError(error);
}
