namespace Elex.Orleans.Contracts;

/// <summary>
/// One feature agent as a grain, keyed by its agent id (<c>agent-FAJ_121_3094</c>). Activating it
/// loads the agent with its learned state from grain storage (the registry's lazy load); idle
/// collection deactivates it (the registry's eviction). Calls to one agent run one at a time;
/// different agents run on whichever silos host them.
/// </summary>
public interface IFeatureAgentGrain : IGrainWithStringKey
{
    /// <summary>Answers a question the client has classified and routed to this agent.</summary>
    /// <exception cref="ArgumentException">The key names no feature of the catalog, or the question is malformed; the message says which.</exception>
    Task<AgentReply> AnswerAsync(AgentQuestion question);

    /// <summary>
    /// Learns from feedback on one of this agent's answers and stores the learned state before it
    /// returns: a reply means the learning is durable. Idempotent by response id: the same rating
    /// again changes nothing (<see cref="LearnReply.Repeated"/>); a different one replaces it.
    /// </summary>
    /// <exception cref="ArgumentException">The key names no feature of the catalog, or the feedback is malformed; the message says what.</exception>
    /// <exception cref="InvalidOperationException">The learned state could not be stored; nothing was learned (retry).</exception>
    Task<LearnReply> LearnAsync(AgentFeedback feedback);

    /// <summary>What the agent has learned so far, and which silo hosts it.</summary>
    /// <exception cref="ArgumentException">The key names no feature of the catalog.</exception>
    Task<AgentGrainStatus> GetStatusAsync();
}
