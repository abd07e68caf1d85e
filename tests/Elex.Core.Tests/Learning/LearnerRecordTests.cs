using Elex.Core.Learning;
using Elex.Core.Queries;

namespace Elex.Core.Tests.Learning;

/// <summary>
/// What a persist takes from a learner without copying its table must be what the copying snapshot
/// would have given: the stored bytes restore the same learner either way.
/// </summary>
public sealed class LearnerRecordTests
{
    [Fact]
    public void The_record_matches_the_snapshot_after_the_window_and_the_replay_buffer_wrapped()
    {
        var options = new QLearningOptions { SuccessWindow = 7, ReplayCapacity = 5, ReplayBatch = 3, Seed = 4 };
        var learner = new QLearner(options);
        for (var i = 0; i < 23; i++)
        {
            var state = LearningState.FromIndex(i * 9 % LearningState.Count);
            learner.Learn(state, (ResponseAction)(i % QTable.ActionCount), i % 3 == 0 ? -0.5f : 1f, LearningState.FromIndex((i * 9 + 1) % LearningState.Count), i % 3 != 0, 1000 + i);
        }

        var record = learner.ToRecord();
        var snapshot = learner.Snapshot();

        var table = new QTable();
        table.Restore(snapshot.QValues, snapshot.Visits);
        Assert.Equal(table.ToBytes(), record.QTable);
        Assert.Equal(new string([.. snapshot.SuccessWindow.Select(b => b ? '1' : '0')]), record.SuccessWindow);
        Assert.Equal(7, record.SuccessWindow.Length);
        Assert.Equal(snapshot.Trajectories, record.Trajectories);
        Assert.Equal((snapshot.Epsilon, snapshot.Interactions, snapshot.Degraded), (record.Epsilon, record.Interactions, record.Degraded));
    }

    [Fact]
    public void A_new_learner_records_an_empty_table_window_and_buffer()
    {
        var record = new QLearner(new QLearningOptions { Seed = 1 }).ToRecord();

        Assert.Equal(0, BitConverter.ToInt32(record.QTable, 13));
        Assert.Equal("", record.SuccessWindow);
        Assert.Empty(record.Trajectories);
        Assert.Equal(0, QTable.FromBytes(record.QTable).NonZeroEntries);
    }

    [Fact]
    public void The_record_is_a_copy_later_learning_does_not_change()
    {
        var learner = new QLearner(new QLearningOptions { Seed = 1 });
        var state = new LearningState(QueryType.Counter, Complexity.Simple, ConfidenceBucket.High, Maturity.Novice);
        learner.Learn(state, ResponseAction.DirectAnswer, 1f, state, true, 1);
        var record = learner.ToRecord();
        var bytes = (byte[])record.QTable.Clone();

        learner.Learn(state, ResponseAction.DirectAnswer, 1f, state, true, 2);

        Assert.Equal(bytes, record.QTable);
        Assert.Equal("1", record.SuccessWindow);
        Assert.Single(record.Trajectories);
    }
}
