namespace Elex.Core.Learning;

/// <summary>
/// What the store keeps of a <see cref="QLearner"/>, taken under its lock without copying its table:
/// the Q-table already in its binary form (<see cref="QTable.ToBytes"/>), the exploration rate, the
/// interaction count, the rolling success window as '1'/'0' characters and the replay trajectories
/// (both oldest first), and whether the learner had judged itself degraded.
/// </summary>
internal sealed record LearnerRecord(byte[] QTable, float Epsilon, long Interactions, string SuccessWindow, Trajectory[] Trajectories, bool Degraded);
