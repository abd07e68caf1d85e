namespace Elex.Core.Responses;

/// <summary>Outcome of a query.</summary>
public enum ResponseStatus
{
    /// <summary>Answered by a feature agent.</summary>
    Answered,
    /// <summary>No feature matched well enough; the response asks for clarification.</summary>
    NoMatch,
    /// <summary>The swarm was too busy to accept the query (ingress full).</summary>
    Rejected,
    /// <summary>Processing failed; see the error.</summary>
    Error,
    /// <summary>
    /// The router's confidence is below the abstention threshold: the response names its best guess
    /// and the closest candidates with why, and proposes no command.
    /// </summary>
    Unsure,
}
