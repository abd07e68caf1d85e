namespace Elex.Orleans.Contracts;

/// <summary>What a feedback did to an agent grain. Returned only once the learned state is stored.</summary>
[GenerateSerializer]
public sealed class LearnReply
{
    /// <summary>The agent that learned.</summary>
    [Id(0)] public string AgentId { get; init; } = "";
    /// <summary>The rated response.</summary>
    [Id(1)] public string ResponseId { get; init; } = "";
    /// <summary>What happened, in words.</summary>
    [Id(2)] public string Message { get; init; } = "";
    /// <summary>The reward now in effect.</summary>
    [Id(3)] public float Reward { get; init; }
    /// <summary>The verdict now in effect.</summary>
    [Id(4)] public bool Success { get; init; }
    /// <summary>The learner's outcome index of the rating.</summary>
    [Id(5)] public long Outcome { get; init; }
    /// <summary>The reward of the rating this one replaced, when the response had been rated before.</summary>
    [Id(6)] public float? ReplacedReward { get; init; }
    /// <summary>The verdict of the rating this one replaced.</summary>
    [Id(7)] public bool? ReplacedSuccess { get; init; }
    /// <summary>True when this exact rating was already in effect (a retried call): nothing changed, it is durable.</summary>
    [Id(8)] public bool Repeated { get; init; }
    /// <summary>The silo that hosted the agent when it learned.</summary>
    [Id(9)] public string Silo { get; init; } = "";
}
