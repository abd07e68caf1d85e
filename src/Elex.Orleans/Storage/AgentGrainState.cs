using System.Text.Json.Serialization;

namespace Elex.Orleans.Storage;

/// <summary>
/// What an agent grain persists, shaped as the store keeps an agent: the <c>agent_state</c> document
/// (counters, the learner's scalars, recent experiences with their ratings — the JSON the local swarm
/// writes and restores, property for property), the Q-table in its binary form (<c>q_tables</c>) and
/// the replay buffer packed (<c>trajectories</c>, record "replay").
/// </summary>
[GenerateSerializer]
public sealed class AgentGrainState
{
    /// <summary>The agent id.</summary>
    [Id(0)] public string AgentId { get; set; } = "";
    /// <summary>The feature code.</summary>
    [Id(1)] public string FeatureCode { get; set; } = "";
    /// <summary>Answers given.</summary>
    [Id(2)] public long Interactions { get; set; }
    /// <summary>Answers that count as successes.</summary>
    [Id(3)] public long Successes { get; set; }
    /// <summary>Sum of answer latencies, µs.</summary>
    [Id(4)] public double LatencySumUs { get; set; }
    /// <summary>Sum of routing confidences.</summary>
    [Id(5)] public double ConfidenceSum { get; set; }
    /// <summary>When the agent last answered.</summary>
    [Id(6)] public DateTimeOffset LastActive { get; set; }
    /// <summary>The learner's scalars; null when learning is off.</summary>
    [Id(7)] public StoredLearnerState? Learner { get; set; }
    /// <summary>The newest experiences, oldest first, with the rating in effect.</summary>
    [Id(8)] public List<StoredExperienceState> Experiences { get; set; } = [];
    /// <summary>Responses rated.</summary>
    [Id(9)] public long Rated { get; set; }
    /// <summary>Responses rated unsuccessful.</summary>
    [Id(10)] public long RatedUnsuccessful { get; set; }
    /// <summary>The Q-table, <c>QTable.ToBytes</c> (the <c>q_tables</c> record); empty without a learner.</summary>
    [Id(11), JsonIgnore] public byte[] QTable { get; set; } = [];
    /// <summary>The replay buffer packed (the <c>trajectories</c> record "replay"); empty when it holds nothing.</summary>
    [Id(12), JsonIgnore] public byte[] Replay { get; set; } = [];
}

/// <summary>A learner's scalars as stored.</summary>
[GenerateSerializer]
public sealed class StoredLearnerState
{
    /// <summary>The exploration rate.</summary>
    [Id(0)] public float Epsilon { get; set; }
    /// <summary>Feedback learned from.</summary>
    [Id(1)] public long Interactions { get; set; }
    /// <summary>The rolling success window as '1'/'0', oldest first.</summary>
    [Id(2)] public string SuccessWindow { get; set; } = "";
    /// <summary>Whether the learner had judged itself degraded.</summary>
    [Id(3)] public bool Degraded { get; set; }
}

/// <summary>An experience as stored: enough to apply (or replace) feedback after a restart.</summary>
[GenerateSerializer]
public sealed class StoredExperienceState
{
    /// <summary>The response id.</summary>
    [Id(0)] public string ResponseId { get; set; } = "";
    /// <summary>The learning state index.</summary>
    [Id(1)] public int State { get; set; }
    /// <summary>The strategy's number.</summary>
    [Id(2)] public int Action { get; set; }
    /// <summary>When it was answered (UTC ticks).</summary>
    [Id(3)] public long Timestamp { get; set; }
    /// <summary>The rating's reward, absent until rated.</summary>
    [Id(4)] public float? Reward { get; set; }
    /// <summary>The rating's verdict.</summary>
    [Id(5)] public bool? Success { get; set; }
    /// <summary>The rating's learner outcome index.</summary>
    [Id(6)] public long? Outcome { get; set; }
}
