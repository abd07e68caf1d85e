using Elex.Core.Responses;

namespace Elex.Streams;

/// <summary>
/// One piece of an answer as <see cref="ElexSwarm.QueryStream(Core.Queries.Query, CancellationToken)"/>
/// delivers it while the query goes through the pipeline: <see cref="AnswerPartKind.Routed"/>, then each
/// <see cref="AnswerPartKind.Section"/>, then each <see cref="AnswerPartKind.Verdict"/>, then
/// <see cref="AnswerPartKind.Done"/> — or <see cref="AnswerPartKind.Error"/> as the last part.
/// Only the members of its <see cref="Kind"/> are set.
/// </summary>
public sealed record AnswerPart
{
    private AnswerPart(AnswerPartKind kind, string queryId)
    {
        Kind = kind;
        QueryId = queryId;
    }

    /// <summary>What this part carries.</summary>
    public AnswerPartKind Kind { get; }
    /// <summary>The query's id.</summary>
    public string QueryId { get; }
    /// <summary>Routed: the feature, agent and confidence, or that the swarm abstains, with the candidates and why.</summary>
    public RoutingDecision? Routing { get; private init; }
    /// <summary>Section: one section of the answer's text.</summary>
    public AnswerSection? Section { get; private init; }
    /// <summary>Section: the section's position (from 0); Verdict: the command's position in the response's commands (from 0).</summary>
    public int Index { get; private init; }
    /// <summary>Verdict: the proposed command with its verdict (Safe, NeedsApproval or Rejected) and reason.</summary>
    public ProposedCommand? Command { get; private init; }
    /// <summary>Done: the whole response. Error: the Error (or Rejected) response the query got, when it got one.</summary>
    public QueryResponse? Response { get; private init; }
    /// <summary>Error: the stage that failed (<c>classify</c>, <c>route</c>, <c>answer</c>, <c>safety</c>, …; <c>ingress</c> when the query never got in, <c>cancelled</c> when the caller's token was).</summary>
    public string? FailedStage { get; private init; }
    /// <summary>Error: why.</summary>
    public Exception? Failure { get; private init; }

    internal static AnswerPart Routed(string queryId, RoutingDecision routing) => new(AnswerPartKind.Routed, queryId) { Routing = routing };

    internal static AnswerPart SectionOf(string queryId, int index, AnswerSection section) => new(AnswerPartKind.Section, queryId) { Index = index, Section = section };

    internal static AnswerPart Verdict(string queryId, int index, ProposedCommand command) => new(AnswerPartKind.Verdict, queryId) { Index = index, Command = command };

    internal static AnswerPart Done(QueryResponse response) => new(AnswerPartKind.Done, response.QueryId) { Response = response };

    internal static AnswerPart Failed(string queryId, string stage, Exception failure, QueryResponse? response = null) =>
        new(AnswerPartKind.Error, queryId) { FailedStage = stage, Failure = failure, Response = response };
}
