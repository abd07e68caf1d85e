namespace Elex.Core.Learning;

/// <summary>The outcome of one feedback record, with a message that says what happened.</summary>
public sealed record FeedbackResult(Feedback Feedback, FeedbackStatus Status, string Message, string? AgentId = null)
{
    /// <summary>True when the agent learned from the feedback.</summary>
    public bool Applied => Status == FeedbackStatus.Applied;

    /// <summary>The response the feedback rated (resolved from the agent for agent feedback); null when none was found.</summary>
    public string? ResponseId { get; init; }

    /// <summary>The rating now in effect for the response (when applied).</summary>
    public Rating? Rating { get; init; }

    /// <summary>The rating this one replaced; null for the response's first rating.</summary>
    public Rating? Replaced { get; init; }

    /// <summary>True when the rated response was given by an earlier run (restored from the store).</summary>
    public bool FromEarlierRun { get; init; }

    /// <summary>
    /// How the count of successful answers changes: −1 when an answer that counted as a success (any
    /// answer until rated, or one rated successful) is now rated unsuccessful, +1 for the reverse, else 0.
    /// </summary>
    public int SuccessChange => Rating is not { } now ? 0 : (now.Success ? 1 : 0) - ((Replaced?.Success ?? true) ? 1 : 0);
}
