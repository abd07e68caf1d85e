namespace Elex.Streams;

/// <summary>What an <see cref="AnswerPart"/> carries; a query's parts come in this order.</summary>
public enum AnswerPartKind
{
    /// <summary>Where the question goes (<see cref="AnswerPart.Routing"/>), sent before the agent answers; first, once (none for a query that failed before it was routed).</summary>
    Routed,
    /// <summary>One section of the answer (<see cref="AnswerPart.Section"/>, numbered by <see cref="AnswerPart.Index"/>), in order.</summary>
    Section,
    /// <summary>One proposed command with its safety verdict (<see cref="AnswerPart.Command"/>), in the answer's order.</summary>
    Verdict,
    /// <summary>The whole response (<see cref="AnswerPart.Response"/>), the one <see cref="ElexSwarm.QueryAsync(Core.Queries.Query, CancellationToken)"/> returns; last.</summary>
    Done,
    /// <summary>The query failed (<see cref="AnswerPart.FailedStage"/>, <see cref="AnswerPart.Failure"/>); last, instead of Done.</summary>
    Error,
}
