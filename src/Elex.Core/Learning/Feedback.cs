namespace Elex.Core.Learning;

/// <summary>
/// A user's verdict on an answer: for a response (by <see cref="ResponseId"/>) or, without one,
/// for an agent's most recent answer (by <see cref="AgentId"/> or feature code). Reward is in [-1, 1].
/// </summary>
public sealed record Feedback(string? ResponseId, string? AgentId, float Reward, bool Success)
{
    /// <summary>Feedback on one response.</summary>
    public static Feedback ForResponse(string responseId, float reward, bool success) => new(responseId, null, reward, success);

    /// <summary>Feedback on an agent's most recent answer.</summary>
    public static Feedback ForAgent(string agentIdOrCode, float reward, bool success) => new(null, agentIdOrCode, reward, success);
}
