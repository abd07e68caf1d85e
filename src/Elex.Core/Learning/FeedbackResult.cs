namespace Elex.Core.Learning;

/// <summary>The outcome of one feedback record, with a message that says what happened.</summary>
public sealed record FeedbackResult(Feedback Feedback, FeedbackStatus Status, string Message, string? AgentId = null)
{
    /// <summary>True when the agent learned from the feedback.</summary>
    public bool Applied => Status == FeedbackStatus.Applied;
}
