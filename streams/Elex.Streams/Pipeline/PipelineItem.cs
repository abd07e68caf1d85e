using Elex.Core.Agents;
using Elex.Core.Queries;
using Elex.Core.Routing;

namespace Elex.Streams.Pipeline;

/// <summary>
/// One query on its way through the graph. Each stage fills in its part; a stage that fails
/// records the failure and later stages pass the item through untouched, so the failure becomes
/// an error response instead of ending the stream.
/// </summary>
public sealed class PipelineItem
{
    /// <summary>Creates an item for a query received at <paramref name="receivedAt"/>.</summary>
    public PipelineItem(Query query, DateTimeOffset receivedAt, TaskCompletionSource<Core.Responses.QueryResponse>? completion = null)
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
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>The caller awaiting the response, if any.</summary>
    public TaskCompletionSource<Core.Responses.QueryResponse>? Completion { get; }
    /// <summary>Set by Classify.</summary>
    public Classification Classification { get; set; }
    /// <summary>Set by Route.</summary>
    public RouteResult? Route { get; set; }
    /// <summary>Set by Dispatch.</summary>
    public FeatureAgent? Agent { get; set; }
    /// <summary>The query's tracing activity, if anyone listens.</summary>
    public System.Diagnostics.Activity? Activity { get; init; }
    /// <summary>Set by Dispatch: gets the runner-up feature's agent, for the ConsultPeer strategy.</summary>
    public Func<FeatureAgent?>? Peer { get; set; }
    /// <summary>Two or more features the question compares by name (answered side by side); empty otherwise.</summary>
    public IReadOnlyList<Core.Catalog.Feature> Compared { get; set; } = [];
    /// <summary>The stage that failed, or null.</summary>
    public string? FailedStage { get; private set; }
    /// <summary>Why it failed.</summary>
    public Exception? Failure { get; private set; }
    /// <summary>True once a stage has failed.</summary>
    public bool HasFailed => Failure is not null;

    /// <summary>Records a stage failure (the first one wins).</summary>
    public PipelineItem Fail(string stage, Exception error)
    {
        if (Failure is null)
        {
            FailedStage = stage;
            Failure = error;
        }
        return this;
    }
}
