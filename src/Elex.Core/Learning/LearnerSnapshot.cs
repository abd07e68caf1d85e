namespace Elex.Core.Learning;

/// <summary>
/// Everything a <see cref="QLearner"/> has learned, for persistence: Q-values and visit counts in
/// <see cref="QTable"/> slot order (<see cref="QTable.Size"/> each), the exploration rate, the
/// interaction count, the rolling success window and the replay trajectories (both oldest first),
/// and whether the learner had judged itself degraded. Arrays are copies owned by the snapshot.
/// </summary>
internal sealed record LearnerSnapshot(
    float[] QValues,
    int[] Visits,
    float Epsilon,
    long Interactions,
    bool[] SuccessWindow,
    Trajectory[] Trajectories,
    bool Degraded = false);
