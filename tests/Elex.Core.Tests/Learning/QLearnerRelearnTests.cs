using Elex.Core.Agents;
using Elex.Core.Learning;
using Elex.Core.Queries;

namespace Elex.Core.Tests.Learning;

/// <summary>A response rated again: the learner replaces the earlier rating instead of learning a second one.</summary>
public sealed class QLearnerRelearnTests
{
    private static readonly LearningState S0 = new(QueryType.Parameter, Complexity.Simple, ConfidenceBucket.High, Maturity.Novice);
    private static readonly LearningState S1 = new(QueryType.Counter, Complexity.Moderate, ConfidenceBucket.Medium, Maturity.Novice);

    private static QLearningOptions NoReplay => new() { ReplayCapacity = 1000, ReplayBatch = 1000, Seed = 1, ColdStartThreshold = 0 };

    [Fact]
    public void ARatingReplacedAtOnce_LeavesTheLearnerAsIfOnlyTheNewOneHadBeenGiven()
    {
        var replaced = new QLearner(NoReplay);
        var outcome = replaced.Learn(S0, ResponseAction.DirectAnswer, -1f, S1, false, 1);
        replaced.Relearn(S0, ResponseAction.DirectAnswer, new Rating(-1f, false, outcome), 1f, true);

        var once = new QLearner(NoReplay);
        once.Learn(S0, ResponseAction.DirectAnswer, 1f, S1, true, 1);

        Assert.Equal(once.QValue(S0, ResponseAction.DirectAnswer), replaced.QValue(S0, ResponseAction.DirectAnswer), 1e-6f);
        Assert.Equal(1, replaced.Interactions);
        Assert.Equal(1, replaced.Visits(S0, ResponseAction.DirectAnswer));
        Assert.Equal(once.Epsilon, replaced.Epsilon);
        Assert.Equal(1.0, replaced.SuccessRate);
        Assert.Equal(1, replaced.SuccessWindowCount);
        Assert.Equal(1f, Assert.Single(replaced.Snapshot().Trajectories).Reward);
    }

    [Fact]
    public void Learn_ReturnsEachOutcomesSequenceNumber()
    {
        var learner = new QLearner(NoReplay);
        Assert.Equal(0, learner.Learn(S0, ResponseAction.DirectAnswer, 1f, S0, true, 1));
        Assert.Equal(1, learner.Learn(S0, ResponseAction.DirectAnswer, 1f, S0, true, 2));
    }

    [Fact]
    public void ReplacingOldFailures_WithSuccesses_RecoversADegradedAgent()
    {
        var learner = new QLearner(NoReplay);
        var outcomes = Enumerable.Range(0, 10).Select(i => learner.Learn(S0, ResponseAction.DirectAnswer, -1f, S0, false, i)).ToList();
        Assert.Equal(AgentLifecycle.Degraded, learner.Lifecycle());
        // Recovery needs 0.6 of the window: five re-ratings are not enough, the sixth is.
        foreach (var outcome in outcomes.Take(5)) learner.Relearn(S0, ResponseAction.DirectAnswer, new Rating(-1f, false, outcome), 1f, true);
        Assert.Equal(AgentLifecycle.Degraded, learner.Lifecycle());
        learner.Relearn(S0, ResponseAction.DirectAnswer, new Rating(-1f, false, outcomes[5]), 1f, true);
        Assert.Equal(AgentLifecycle.Ready, learner.Lifecycle());
        Assert.Equal(0.6, learner.SuccessRate, 1e-9);
        Assert.Equal(10, learner.Interactions);
    }

    [Fact]
    public void Relearn_FindsItsOutcome_AfterASnapshotAndRestore()
    {
        var learner = new QLearner(NoReplay);
        var first = learner.Learn(S0, ResponseAction.DetailedAnswer, -0.5f, S1, false, 1);
        learner.Learn(S1, ResponseAction.DirectAnswer, 1f, S0, true, 2);
        var restored = QLearner.Restore(learner.Snapshot(), NoReplay);

        restored.Relearn(S0, ResponseAction.DetailedAnswer, new Rating(-0.5f, false, first), 0.5f, true);

        var trajectories = restored.Snapshot().Trajectories;
        Assert.Equal([0.5f, 1f], trajectories.Select(t => t.Reward));
        Assert.Equal(1.0, restored.SuccessRate);
    }

    [Fact]
    public void Relearn_ForAnOutcomeNoLongerHeld_CorrectsOnlyTheQValue()
    {
        var options = NoReplay with { SuccessWindow = 2, ReplayCapacity = 2, ReplayBatch = 2 };
        var learner = new QLearner(options with { ReplayBatch = 2 });
        var old = learner.Learn(S0, ResponseAction.DirectAnswer, -1f, S0, false, 1);
        learner.Learn(S1, ResponseAction.DirectAnswer, 1f, S1, true, 2);
        learner.Learn(S1, ResponseAction.DirectAnswer, 1f, S1, true, 3);
        var before = learner.QValue(S0, ResponseAction.DirectAnswer);
        var rate = learner.SuccessRate;

        learner.Relearn(S0, ResponseAction.DirectAnswer, new Rating(-1f, false, old), 1f, true);

        Assert.Equal(before + options.Alpha * 2f, learner.QValue(S0, ResponseAction.DirectAnswer), 1e-6f);
        Assert.Equal(rate, learner.SuccessRate);
        Assert.DoesNotContain(learner.Snapshot().Trajectories, t => t.State == S0);
    }

    [Fact]
    public void Relearn_WithAnInvalidReward_ChangesNothing()
    {
        var learner = new QLearner(NoReplay);
        var outcome = learner.Learn(S0, ResponseAction.DirectAnswer, 1f, S0, true, 1);
        var before = learner.QValue(S0, ResponseAction.DirectAnswer);
        Assert.Throws<ArgumentOutOfRangeException>(() => learner.Relearn(S0, ResponseAction.DirectAnswer, new Rating(1f, true, outcome), float.NaN, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => learner.Relearn(S0, ResponseAction.DirectAnswer, new Rating(1f, true, outcome), 2f, false));
        Assert.Equal(before, learner.QValue(S0, ResponseAction.DirectAnswer));
        Assert.Equal(1.0, learner.SuccessRate);
    }
}
