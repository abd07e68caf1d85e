using Elex.Core.Learning;
using Elex.Orleans.Contracts;

namespace Elex.Orleans.Agents;

/// <summary>Malformed feedback is refused before it can touch a learner, with what is wrong in the message.</summary>
internal static class AgentFeedbackCheck
{
    /// <summary>The learning state and strategy the feedback teaches.</summary>
    /// <exception cref="ArgumentException">A field is missing or out of range.</exception>
    public static (LearningState State, ResponseAction Action) Validate(AgentFeedback? feedback, string agentId)
    {
        if (feedback is null) throw new ArgumentException($"Feedback for {agentId} is missing; nothing was learned.", nameof(feedback));
        if (string.IsNullOrWhiteSpace(feedback.ResponseId))
            throw new ArgumentException($"Feedback for {agentId} names no response; nothing was learned.", nameof(feedback));
        if (!float.IsFinite(feedback.Reward) || feedback.Reward is < -1f or > 1f)
            throw new ArgumentException($"Reward {feedback.Reward} for {feedback.ResponseId} is outside [-1, 1]; nothing was learned.", nameof(feedback));
        if (feedback.LearningState is < 0 or >= LearningState.Count)
            throw new ArgumentException($"Learning state {feedback.LearningState} of {feedback.ResponseId} does not exist; nothing was learned.", nameof(feedback));
        if (!Enum.IsDefined((ResponseAction)feedback.Strategy))
            throw new ArgumentException($"Strategy {feedback.Strategy} of {feedback.ResponseId} does not exist; nothing was learned.", nameof(feedback));
        return (LearningState.FromIndex(feedback.LearningState), (ResponseAction)feedback.Strategy);
    }
}
