namespace Elex.Core.Learning;

/// <summary>One learning step: in <see cref="State"/> the agent took <see cref="Action"/>, got <see cref="Reward"/> (in [-1, 1]) and moved to <see cref="NextState"/>.</summary>
internal readonly record struct Trajectory(LearningState State, ResponseAction Action, float Reward, LearningState NextState, long Timestamp);
