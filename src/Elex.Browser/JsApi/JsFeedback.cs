namespace Elex.Browser.JsApi;

/// <summary>The JS <c>feedback(f)</c> argument: a response id or an agent id / feature code, a reward in [-1, 1] and success.</summary>
public sealed record JsFeedback
{
    /// <summary>The response the feedback is about.</summary>
    public string? ResponseId { get; init; }
    /// <summary>Or: the agent (id or feature code) whose most recent answer it is about.</summary>
    public string? AgentId { get; init; }
    /// <summary>Reward in [-1, 1].</summary>
    public float? Reward { get; init; }
    /// <summary>Whether the answer helped (default: reward &gt; 0).</summary>
    public bool? Success { get; init; }
    /// <summary>
    /// The feature code that should have answered <see cref="ResponseId"/>: the router learns to send
    /// questions like it there (reward then defaults to -1 for the agent that answered).
    /// </summary>
    public string? Correct { get; init; }
}

/// <summary>What the JS <c>feedback</c> resolves with.</summary>
public sealed record JsFeedbackResult(string Status, string? AgentId, string Message, bool Durable);
