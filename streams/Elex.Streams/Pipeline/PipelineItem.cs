using System.Diagnostics;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Core.Routing;

namespace Elex.Streams.Pipeline;

/// <summary>
/// One query on its way through the graph, immutable: each stage passes on a copy with its part
/// filled in (a <c>with</c> expression). A stage that fails marks the item (<see cref="Fail"/>) and
/// later stages pass it on untouched (<see cref="PipelineStage"/>), so the failure becomes an error
/// response instead of ending the stream. After Answer it carries its <see cref="Response"/>.
/// </summary>
internal sealed record PipelineItem
{
    /// <summary>Creates an item for a query received at <paramref name="receivedAt"/>.</summary>
    public PipelineItem(Query query, DateTimeOffset receivedAt, TaskCompletionSource<QueryResponse>? completion = null)
    {
        Query = query ?? throw new ArgumentNullException(nameof(query));
        ReceivedAt = receivedAt;
        StartedAt = receivedAt;
        Completion = completion;
    }

    /// <summary>The query.</summary>
    public Query Query { get; }
    /// <summary>When the swarm took the query in.</summary>
    public DateTimeOffset ReceivedAt { get; }
    /// <summary>When the query left the ingress queue and work on it began (the receive time unless Classify stamps it).</summary>
    public DateTimeOffset StartedAt { get; init; }
    /// <summary>The caller awaiting the response, if any.</summary>
    public TaskCompletionSource<QueryResponse>? Completion { get; }
    /// <summary>Where the stages push this query's answer parts as each completes, when it is streamed (<see cref="ElexSwarm.QueryStream"/>).</summary>
    public AnswerPartSink? Parts { get; init; }
    /// <summary>The query's tracing activity, if anyone listens.</summary>
    public Activity? Activity { get; init; }
    /// <summary>Set by Classify.</summary>
    public Classification Classification { get; init; }
    /// <summary>Set by Route (and re-set by ResolveFollowUps for a follow-up).</summary>
    public RouteResult? Route { get; init; }
    /// <summary>Set by Dispatch.</summary>
    public FeatureAgent? Agent { get; init; }
    /// <summary>Set by Dispatch: gets the peer feature's agent the topology chooses, for the ConsultPeer strategy.</summary>
    public Func<FeatureAgent?>? Peer { get; init; }
    /// <summary>Set by Dispatch: two or more features the question compares by name (answered side by side); empty otherwise.</summary>
    public IReadOnlyList<Feature> Compared { get; init; } = [];
    /// <summary>Set by Answer, for every item (a failed one gets an Error or Rejected response).</summary>
    public QueryResponse? Response { get; init; }
    /// <summary>The stage that failed, or null.</summary>
    public string? FailedStage { get; private init; }
    /// <summary>Why it failed.</summary>
    public Exception? Failure { get; private init; }
    /// <summary>True once a stage has failed.</summary>
    public bool HasFailed => Failure is not null;

    /// <summary>What the response is built from (<see cref="ResponseBuilder"/>).</summary>
    public ResponseFacts ToFacts() => new(Query, Classification, ReceivedAt, StartedAt)
    {
        Route = Route,
        Agent = Agent,
        Peer = Peer,
        Compared = Compared,
    };

    /// <summary>This item failed in <paramref name="stage"/>; an item that already failed stays as it is (the first failure wins).</summary>
    public PipelineItem Fail(string stage, Exception error) =>
        HasFailed ? this : this with { FailedStage = stage, Failure = error };
}
