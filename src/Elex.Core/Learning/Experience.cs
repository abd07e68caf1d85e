using Elex.Core.Catalog;

namespace Elex.Core.Learning;

/// <summary>What an agent did for one response: the state it saw and the action it chose, to learn from feedback later.</summary>
internal readonly record struct Experience(string ResponseId, FeatureCode Feature, LearningState State, ResponseAction Action, long Timestamp)
{
    /// <summary>The rating the response has been given (null until it is rated); a response has at most one.</summary>
    public Rating? Rating { get; init; }

    /// <summary>True for an experience restored from the store: the response was given by an earlier run.</summary>
    public bool FromEarlierRun { get; init; }
}
