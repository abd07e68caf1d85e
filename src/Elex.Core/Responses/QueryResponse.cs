using System.Diagnostics.CodeAnalysis;
using Elex.Core.Learning;
using Elex.Core.Queries;

namespace Elex.Core.Responses;

/// <summary>
/// The swarm's answer to one query. A failed query is still a response (with
/// <see cref="Status"/> and <see cref="Error"/>), so one bad query never ends a stream.
/// </summary>
public sealed record QueryResponse
{
    /// <summary>An empty response: set its required members.</summary>
    public QueryResponse()
    {
    }

    [SetsRequiredMembers]
    internal QueryResponse(in ResponseHeader header)
    {
        ResponseId = header.ResponseId;
        QueryId = header.QueryId;
        QueryText = header.QueryText;
        Status = header.Status;
        NamedFeatures = header.NamedFeatures;
        ContextFeatures = header.ContextFeatures;
        ResolvedFromContext = header.ResolvedFromContext;
        QueryType = header.QueryType;
        Complexity = header.Complexity;
        LatencyUs = header.LatencyUs;
        QueueUs = header.QueueUs;
        Timestamp = header.Timestamp;
    }

    /// <summary>Unique id of this response; feedback refers to it.</summary>
    public required string ResponseId { get; init; }
    /// <summary>The query's id.</summary>
    public required string QueryId { get; init; }
    /// <summary>The question as asked.</summary>
    public required string QueryText { get; init; }
    /// <summary>Outcome.</summary>
    public required ResponseStatus Status { get; init; }
    /// <summary>The answer text (or the error / clarification text).</summary>
    public string Text { get; init; } = "";
    /// <summary>Answering agent id (<c>agent-FAJ_121_3094</c>), or null.</summary>
    public string? AgentId { get; init; }
    /// <summary>Answering feature code, or null.</summary>
    public string? FeatureCode { get; init; }
    /// <summary>Answering feature name, or null.</summary>
    public string? FeatureName { get; init; }
    /// <summary>Routing confidence in [0, 1].</summary>
    public float Confidence { get; init; }
    /// <summary>Classified (or explicit) query type.</summary>
    public QueryType QueryType { get; init; }
    /// <summary>Classified (or explicit) complexity.</summary>
    public Complexity Complexity { get; init; }
    /// <summary>Alternative feature codes, best first.</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];
    /// <summary>
    /// Features the question names itself (code, licence key, acronym, whole name, or an identifier
    /// only that feature has), best first; empty when it names none.
    /// </summary>
    public IReadOnlyList<string> NamedFeatures { get; init; } = [];
    /// <summary>The feature codes of the conversation the question was asked in (empty outside a conversation).</summary>
    public IReadOnlyList<string> ContextFeatures { get; init; } = [];
    /// <summary>
    /// True when the question named no feature of its own and was answered about a feature of
    /// <see cref="ContextFeatures"/> (a follow-up such as "and its counters?").
    /// </summary>
    public bool ResolvedFromContext { get; init; }
    /// <summary>Catalog facts the answer used, and what the router matched.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
    /// <summary>Proposed cmedit commands with their safety verdicts.</summary>
    public IReadOnlyList<ProposedCommand> Commands { get; init; } = [];
    /// <summary>Warnings raised while answering.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>The response strategy the agent chose (its Q-policy's action).</summary>
    public ResponseAction Strategy { get; init; } = ResponseAction.DirectAnswer;
    /// <summary>The learning state the agent acted in; feedback on this response teaches that state.</summary>
    internal LearningState? LearningState { get; init; }
    /// <summary>Error text when <see cref="Status"/> is Error or Rejected.</summary>
    public string? Error { get; init; }
    /// <summary>Time the swarm spent on the query, from leaving the ingress queue to the response, in microseconds.</summary>
    public double LatencyUs { get; init; }
    /// <summary>Time the query waited in the ingress queue before work on it began, in microseconds.</summary>
    public double QueueUs { get; init; }
    /// <summary>When the response was produced.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Seed-compatible latency in milliseconds.</summary>
    public double LatencyMs => LatencyUs / 1000.0;

    /// <summary>Seed-compatible command list.</summary>
    public IEnumerable<string> CmeditCommands => Commands.Select(c => c.Command);

    /// <summary>Seed-compatible risk level: the worst verdict among the commands.</summary>
    public string RiskLevel => Commands.Count == 0 ? "none"
        : Commands.Any(c => c.Safety == SafetyStatus.Rejected) ? "high"
        : Commands.Any(c => c.Safety is SafetyStatus.NeedsApproval or SafetyStatus.PendingValidation) ? "medium"
        : "low";
}
