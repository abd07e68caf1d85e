using Elex.Core.Catalog;

namespace Elex.Core.Learning;

/// <summary>What an agent did for one response: the state it saw and the action it chose, to learn from feedback later.</summary>
public readonly record struct Experience(string ResponseId, FeatureCode Feature, LearningState State, ResponseAction Action, long Timestamp);
