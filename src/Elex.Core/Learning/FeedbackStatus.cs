namespace Elex.Core.Learning;

/// <summary>What became of a feedback record.</summary>
public enum FeedbackStatus
{
    /// <summary>The agent learned from it.</summary>
    Applied,
    /// <summary>No response with that id is remembered; nothing changed.</summary>
    UnknownResponse,
    /// <summary>No agent with that id, or it has not answered yet; nothing changed.</summary>
    UnknownAgent,
    /// <summary>The reward is not a number in [-1, 1]; nothing changed.</summary>
    InvalidReward,
    /// <summary>Neither a response id nor an agent id was given; nothing changed.</summary>
    MissingTarget,
    /// <summary>The learner failed; nothing changed.</summary>
    Failed,
}
