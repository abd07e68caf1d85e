namespace Elex.Orleans.Contracts;

/// <summary>
/// Feedback as it travels to an agent grain: the response it rates, the reward and verdict, and the
/// learning state and strategy the response carried, so an agent reactivated on another silo (which
/// never saw the answer) can still learn from it.
/// </summary>
[GenerateSerializer]
public sealed class AgentFeedback
{
    /// <summary>The rated response's id.</summary>
    [Id(0)] public string ResponseId { get; init; } = "";
    /// <summary>The reward, in [-1, 1].</summary>
    [Id(1)] public float Reward { get; init; }
    /// <summary>Whether the answer succeeded.</summary>
    [Id(2)] public bool Success { get; init; }
    /// <summary>The learning state index the response was given in.</summary>
    [Id(3)] public int LearningState { get; init; } = -1;
    /// <summary>The strategy's number the response was given with.</summary>
    [Id(4)] public int Strategy { get; init; }
}
