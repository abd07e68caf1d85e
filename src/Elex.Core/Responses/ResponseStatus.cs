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
}
