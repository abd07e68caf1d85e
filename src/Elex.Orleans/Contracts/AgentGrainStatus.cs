namespace Elex.Orleans.Contracts;

/// <summary>An agent grain's learned state in numbers, and where it runs.</summary>
[GenerateSerializer]
public sealed class AgentGrainStatus
{
    /// <summary>The agent id.</summary>
    [Id(0)] public string AgentId { get; init; } = "";
    /// <summary>The silo hosting the activation.</summary>
    [Id(1)] public string Silo { get; init; } = "";
    /// <summary>Answers given (counters).</summary>
    [Id(2)] public long Interactions { get; init; }
    /// <summary>Feedback learned from (the learner's interaction count).</summary>
    [Id(3)] public long Learned { get; init; }
    /// <summary>Responses rated (one rating per response).</summary>
    [Id(4)] public long Rated { get; init; }
    /// <summary>The exploration rate now.</summary>
    [Id(5)] public float Epsilon { get; init; }
    /// <summary>Non-zero Q-table entries.</summary>
    [Id(6)] public int QTableEntries { get; init; }
    /// <summary>Trajectories in the replay buffer.</summary>
    [Id(7)] public int Trajectories { get; init; }
}
