using Elex.Core.Learning;

namespace Elex.Orleans.Storage;

/// <summary>A learner into grain state and back, in the store's forms (Q-table bytes, packed replay).</summary>
internal static class AgentGrainStateLearner
{
    /// <summary>Writes the learner's scalars, table and replay buffer into <paramref name="state"/>.</summary>
    public static void Capture(QLearner learner, AgentGrainState state)
    {
        var record = learner.ToRecord();
        state.Learner = new StoredLearnerState
        {
            Epsilon = record.Epsilon, Interactions = record.Interactions, SuccessWindow = record.SuccessWindow, Degraded = record.Degraded,
        };
        state.QTable = record.QTable;
        state.Replay = ReplayPacking.Pack(record.Trajectories);
    }

    /// <summary>The learner <paramref name="state"/> holds.</summary>
    /// <exception cref="FormatException">The table or replay bytes are corrupt.</exception>
    /// <exception cref="ArgumentException">The learner's scalars are inconsistent.</exception>
    public static QLearner Restore(AgentGrainState state, StoredLearnerState stored, QLearningOptions options)
    {
        var (values, visits) = QTable.FromBytes(state.QTable).Snapshot();
        var window = stored.SuccessWindow.Select(c => c == '1').ToArray();
        var replay = state.Replay.Length == 0 ? [] : ReplayPacking.Unpack(state.Replay, $"{state.AgentId}/replay");
        return QLearner.Restore(new LearnerSnapshot(values, visits, stored.Epsilon, stored.Interactions, window, replay, stored.Degraded), options);
    }
}
