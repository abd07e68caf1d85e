namespace Elex.Core.Agents;

/// <summary>Where a feature agent is in its life.</summary>
public enum AgentLifecycle
{
    /// <summary>Being created; not yet able to answer.</summary>
    Initializing,
    /// <summary>Answers, but has fewer interactions than the cold-start threshold.</summary>
    ColdStart,
    /// <summary>Answers with experience.</summary>
    Ready,
    /// <summary>Answering a query right now.</summary>
    Busy,
    /// <summary>Answers, but its recent success rate is low.</summary>
    Degraded,
    /// <summary>Evicted or shut down.</summary>
    Offline,
}
