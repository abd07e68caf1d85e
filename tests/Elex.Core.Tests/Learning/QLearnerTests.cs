using Elex.Core.Agents;
using Elex.Core.Learning;
using Elex.Core.Queries;

namespace Elex.Core.Tests.Learning;

public sealed class QLearnerTests
{
    private static readonly LearningState S0 = new(QueryType.Parameter, Complexity.Simple, ConfidenceBucket.High, Maturity.Novice);
    private static readonly LearningState S1 = new(QueryType.Counter, Complexity.Moderate, ConfidenceBucket.Low, Maturity.Novice);
    private static readonly LearningState S2 = new(QueryType.Troubleshoot, Complexity.Complex, ConfidenceBucket.Low, Maturity.Expert);

    /// <summary>Replay off: the batch equals the capacity and the buffer never fills in these tests.</summary>
    private static QLearningOptions NoReplay(float alpha = 0.1f, float gamma = 0.95f) =>
        new() { Alpha = alpha, Gamma = gamma, ReplayCapacity = 1000, ReplayBatch = 1000, Seed = 1 };

    [Fact]
    public void Q_update_matches_hand_computation()
    {
        var learner = new QLearner(NoReplay());
        // Q(S1, Direct) = 0 + 0.1 (1 + 0.95·0 − 0) = 0.1
        learner.Learn(S1, ResponseAction.DirectAnswer, 1f, S2, true, 1);
        Assert.Equal(0.1f, learner.QValue(S1, ResponseAction.DirectAnswer), 1e-6f);
        // Q(S0, Consult) = 0 + 0.1 (0.5 + 0.95·0.1 − 0) = 0.0595
        learner.Learn(S0, ResponseAction.ConsultPeer, 0.5f, S1, true, 2);
        Assert.Equal(0.0595f, learner.QValue(S0, ResponseAction.ConsultPeer), 1e-6f);
        // Q(S0, Consult) = 0.0595 + 0.1 (−0.2 + 0.095 − 0.0595) = 0.04305
        learner.Learn(S0, ResponseAction.ConsultPeer, -0.2f, S1, false, 3);
        Assert.Equal(0.04305f, learner.QValue(S0, ResponseAction.ConsultPeer), 1e-6f);
        Assert.Equal(2, learner.Visits(S0, ResponseAction.ConsultPeer));
        Assert.Equal(2, learner.QTableEntries);
        Assert.Equal(3, learner.TrajectoryCount);

        // α = 0.5, γ = 0.9: Q(S1, Escalate) = 0.5 (−1 + 0.9·0.5) = −0.275 once Q(S2, Detailed) = 0.5.
        var other = new QLearner(NoReplay(alpha: 0.5f, gamma: 0.9f));
        other.Learn(S2, ResponseAction.DetailedAnswer, 1f, S0, true, 1);
        Assert.Equal(0.5f, other.QValue(S2, ResponseAction.DetailedAnswer), 1e-6f);
        other.Learn(S1, ResponseAction.Escalate, -1f, S2, false, 2);
        Assert.Equal(-0.275f, other.QValue(S1, ResponseAction.Escalate), 1e-6f);
    }

    [Fact]
    public void Epsilon_decays_per_update_to_the_floor()
    {
        var learner = new QLearner(new QLearningOptions { Seed = 5 });
        Assert.Equal(0.1f, learner.Epsilon);
        var expected = 0.1;
        for (var i = 1; i <= 600; i++)
        {
            learner.Learn(S0, ResponseAction.DirectAnswer, 0.1f, S0, true, i);
            expected = Math.Max(0.01, expected * 0.995);
            Assert.Equal(expected, learner.Epsilon, 1e-5);
        }
        Assert.Equal(0.01f, learner.Epsilon);
    }

    [Fact]
    public void Epsilon_zero_is_greedy()
    {
        var learner = new QLearner(NoReplay() with { Epsilon = 0f, MinEpsilon = 0f });
        learner.Learn(S1, ResponseAction.Escalate, 1f, S1, true, 1);
        for (var i = 0; i < 200; i++) Assert.Equal(ResponseAction.Escalate, learner.Choose(S1));
    }

    [Fact]
    public void A_confident_route_only_chooses_the_presentation_never_a_weaker_answer()
    {
        // S0 is a High-confidence state: even a table that prefers escalation, and pure exploration,
        // choose between the direct and the detailed answer only.
        var greedy = new QLearner(NoReplay() with { Epsilon = 0f, MinEpsilon = 0f });
        greedy.Learn(S0, ResponseAction.Escalate, 1f, S1, true, 1);
        greedy.Learn(S0, ResponseAction.DetailedAnswer, 0.5f, S1, true, 2);
        Assert.Equal(ResponseAction.DetailedAnswer, greedy.Choose(S0));
        var exploring = new QLearner(new QLearningOptions { Epsilon = 1f, Seed = 5 });
        var seen = Enumerable.Range(0, 500).Select(_ => exploring.Choose(S0)).ToHashSet();
        Assert.Equal(new HashSet<ResponseAction> { ResponseAction.DirectAnswer, ResponseAction.DetailedAnswer }, seen);
        var answeredBelowHigh = S0 with { Confidence = ConfidenceBucket.Medium };
        Assert.Equal(new HashSet<ResponseAction> { ResponseAction.DirectAnswer, ResponseAction.DetailedAnswer },
            Enumerable.Range(0, 500).Select(_ => exploring.Choose(answeredBelowHigh)).ToHashSet());
        var split = Enumerable.Range(0, 500).Select(_ => exploring.Choose(S1)).ToHashSet();
        Assert.Equal(QTable.ActionCount, split.Count);
    }

    [Fact]
    public void The_same_question_against_the_same_learning_gets_the_same_choice()
    {
        var learner = new QLearner(new QLearningOptions { Epsilon = 1f, Seed = 9 });
        var first = Enumerable.Range(0, 20).Select(q => learner.Choose(S1, q)).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 20).Select(q => learner.Choose(S1, q)).ToArray());
        Assert.True(first.Distinct().Count() > 1, "different questions still explore");
    }

    [Fact]
    public void Bandit_converges_to_the_rewarded_action()
    {
        var learner = new QLearner(new QLearningOptions { Epsilon = 0.1f, Seed = 2024 });
        for (var i = 0; i < 500; i++)
        {
            var action = learner.Choose(S1);
            var reward = action == ResponseAction.ConsultPeer ? 1f : -0.5f;
            learner.Learn(S1, action, reward, S1, reward > 0, i);
        }
        Assert.Equal(ResponseAction.ConsultPeer, learner.BestAction(S1));
        Assert.Equal(500, learner.Interactions);
        for (var a = 0; a < QTable.ActionCount; a++)
            if ((ResponseAction)a != ResponseAction.ConsultPeer)
                Assert.True(learner.QValue(S1, ResponseAction.ConsultPeer) > learner.QValue(S1, (ResponseAction)a));
    }

    [Fact]
    public void Replay_updates_older_trajectories_again()
    {
        var options = new QLearningOptions { ReplayCapacity = 100, ReplayBatch = 4, Seed = 9 };
        var learner = new QLearner(options);
        var baseline = new QLearner(NoReplay());
        foreach (var l in new[] { learner, baseline })
        {
            l.Learn(S0, ResponseAction.DetailedAnswer, 1f, S2, true, 0); // S2 is never updated: max Q(S2,·) = 0
            for (var i = 1; i <= 50; i++) l.Learn(S1, ResponseAction.DirectAnswer, 0f, S2, true, i);
        }
        Assert.Equal(0.1f, baseline.QValue(S0, ResponseAction.DetailedAnswer), 1e-6f);
        // Each replay of the first trajectory moves Q toward 1: 1 − 0.9^(k+1) after k replays.
        Assert.True(learner.QValue(S0, ResponseAction.DetailedAnswer) > 0.3f, $"Q = {learner.QValue(S0, ResponseAction.DetailedAnswer)}");
        Assert.Equal(1, learner.Visits(S0, ResponseAction.DetailedAnswer)); // replays are not visits
        Assert.Equal(51, learner.TrajectoryCount);
    }

    [Fact]
    public void Replay_buffer_keeps_only_its_capacity()
    {
        var learner = new QLearner(new QLearningOptions { ReplayCapacity = 20, ReplayBatch = 4, Seed = 3 });
        for (var i = 0; i < 50; i++) learner.Learn(S0, ResponseAction.DirectAnswer, 0.5f, S1, true, i);
        Assert.Equal(20, learner.TrajectoryCount);
        var kept = learner.Snapshot().Trajectories;
        Assert.Equal(Enumerable.Range(30, 20).Select(i => (long)i), kept.Select(t => t.Timestamp));
    }

    [Theory]
    [InlineData(1.01f)]
    [InlineData(-1.5f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Invalid_reward_throws_and_changes_nothing(float reward)
    {
        var learner = new QLearner(new QLearningOptions { ReplayBatch = 1, Seed = 4 });
        learner.Learn(S0, ResponseAction.DirectAnswer, 1f, S1, true, 1);
        var before = learner.Snapshot();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => learner.Learn(S0, ResponseAction.DirectAnswer, reward, S1, true, 2));
        Assert.Equal("reward", ex.ParamName);
        Assert.Contains("[-1, 1]", ex.Message);
        var after = learner.Snapshot();
        Assert.Equal(before.QValues, after.QValues);
        Assert.Equal(before.Visits, after.Visits);
        Assert.Equal(before.Epsilon, after.Epsilon);
        Assert.Equal(1, learner.Interactions);
        Assert.Equal(1, learner.TrajectoryCount);
        Assert.Equal(1, learner.SuccessWindowCount);
    }

    [Fact]
    public void Extreme_rewards_are_accepted()
    {
        var learner = new QLearner(NoReplay());
        learner.Learn(S0, ResponseAction.DirectAnswer, 1f, S1, true, 1);
        learner.Learn(S0, ResponseAction.Escalate, -1f, S1, false, 2);
        Assert.Equal(0.5, learner.SuccessRate);
    }

    [Fact]
    public void Lifecycle_cold_start_ends_at_the_threshold()
    {
        var learner = new QLearner(new QLearningOptions { Seed = 1 });
        Assert.Equal(AgentLifecycle.ColdStart, learner.Lifecycle());
        Assert.Equal(AgentLifecycle.ColdStart, learner.Lifecycle(99));
        Assert.Equal(AgentLifecycle.Ready, learner.Lifecycle(100));
        for (var i = 0; i < 100; i++) learner.Learn(S0, ResponseAction.DirectAnswer, 1f, S0, true, i);
        Assert.Equal(AgentLifecycle.Ready, learner.Lifecycle());
    }

    [Fact]
    public void Lifecycle_degrades_below_half_and_recovers_only_at_the_recover_threshold()
    {
        var learner = new QLearner(new QLearningOptions { SuccessWindow = 20, ColdStartThreshold = 0, Seed = 1 });
        var t = 0L;
        void Outcome(bool success) => learner.Learn(S0, ResponseAction.DirectAnswer, success ? 1f : -1f, S0, success, t++);

        // Fewer than 10 outcomes never degrade.
        for (var i = 0; i < 9; i++) Outcome(false);
        Assert.Equal(0.0, learner.SuccessRate);
        Assert.Equal(AgentLifecycle.Ready, learner.Lifecycle(1000));
        Outcome(false);
        Assert.Equal(AgentLifecycle.Degraded, learner.Lifecycle(1000));

        // Recovered by 20 successes (window of 20 holds 10 F + 10 S: 0.5 < 0.6 still degraded).
        for (var i = 0; i < 10; i++) Outcome(true);
        Assert.Equal(0.5, learner.SuccessRate);
        Assert.Equal(AgentLifecycle.Degraded, learner.Lifecycle(1000));
        for (var i = 0; i < 10; i++) Outcome(true);
        Assert.Equal(1.0, learner.SuccessRate);
        Assert.Equal(AgentLifecycle.Ready, learner.Lifecycle(1000));

        // Ready → Degraded when the rate falls below 0.5: 0.5 is still Ready, 0.45 is Degraded.
        for (var i = 0; i < 10; i++) Outcome(false);
        Assert.Equal(0.5, learner.SuccessRate);
        Assert.Equal(AgentLifecycle.Ready, learner.Lifecycle(1000));
        Outcome(false);
        Assert.Equal(0.45, learner.SuccessRate, 1e-12);
        Assert.Equal(AgentLifecycle.Degraded, learner.Lifecycle(1000));

        // Window now: 9 S, 11 F (oldest first). 9 successes replace the old successes: still 0.45.
        for (var i = 0; i < 9; i++) Outcome(true);
        Assert.Equal(0.45, learner.SuccessRate, 1e-12);
        Outcome(true);
        Assert.Equal(0.5, learner.SuccessRate, 1e-12);
        Outcome(true);
        Assert.Equal(0.55, learner.SuccessRate, 1e-12);
        Assert.Equal(AgentLifecycle.Degraded, learner.Lifecycle(1000)); // hysteresis
        Outcome(true);
        Assert.Equal(0.6, learner.SuccessRate, 1e-12);
        Assert.Equal(AgentLifecycle.Ready, learner.Lifecycle(1000));
    }

    [Fact]
    public async Task Concurrent_learning_counts_every_interaction()
    {
        // A success window holding every outcome: which 50 came last depends on how the workers interleave, the whole does not.
        var learner = new QLearner(new QLearningOptions { Seed = 8, SuccessWindow = 4000 });
        var tasks = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                var s = LearningState.FromIndex((w * 31 + i) % LearningState.Count);
                var a = learner.Choose(s);
                learner.Learn(s, a, (i % 3 - 1) * 0.5f, S0, i % 2 == 0, i);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        Assert.Equal(4000, learner.Interactions);
        Assert.Equal(1000, learner.TrajectoryCount);
        Assert.Equal(0.5, learner.SuccessRate);
        Assert.All(learner.Snapshot().QValues, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(4000, learner.Snapshot().Visits.Sum());
    }

    [Fact]
    public void A_fixed_seed_makes_runs_identical()
    {
        static (ResponseAction[] Choices, LearnerSnapshot Snapshot) Run()
        {
            var learner = new QLearner(new QLearningOptions { Epsilon = 0.5f, Seed = 77 });
            var choices = new ResponseAction[300];
            for (var i = 0; i < choices.Length; i++)
            {
                var s = LearningState.FromIndex(i * 17 % LearningState.Count);
                choices[i] = learner.Choose(s);
                learner.Learn(s, choices[i], choices[i] == ResponseAction.DetailedAnswer ? 1f : -0.25f, S1, i % 3 != 0, i);
            }
            return (choices, learner.Snapshot());
        }
        var a = Run();
        var b = Run();
        Assert.Equal(a.Choices, b.Choices);
        Assert.Equal(a.Snapshot.QValues, b.Snapshot.QValues);
        Assert.Equal(a.Snapshot.Epsilon, b.Snapshot.Epsilon);
        Assert.True(a.Choices.Distinct().Count() > 1);
    }

    [Fact]
    public void Snapshot_and_restore_continue_where_the_learner_left_off()
    {
        var options = new QLearningOptions { SuccessWindow = 20, ColdStartThreshold = 0, Seed = 12 };
        var learner = new QLearner(options);
        for (var i = 0; i < 30; i++) learner.Learn(S0, ResponseAction.ConsultPeer, i < 15 ? 1f : -1f, S1, i < 15, i);
        Assert.Equal(AgentLifecycle.Degraded, learner.Lifecycle(100));
        var snapshot = learner.Snapshot();
        Assert.Equal(20, snapshot.SuccessWindow.Length);

        var restored = QLearner.Restore(snapshot, options);
        Assert.Equal(learner.Interactions, restored.Interactions);
        Assert.Equal(learner.Epsilon, restored.Epsilon);
        Assert.Equal(learner.SuccessRate, restored.SuccessRate);
        Assert.Equal(learner.TrajectoryCount, restored.TrajectoryCount);
        Assert.Equal(AgentLifecycle.Degraded, restored.Lifecycle(100));
        Assert.Equal(snapshot.QValues, restored.Snapshot().QValues);
        Assert.Equal(snapshot.SuccessWindow, restored.Snapshot().SuccessWindow);

        // Smaller window and buffer: the newest are kept.
        var smaller = QLearner.Restore(snapshot, options with { SuccessWindow = 5, ReplayCapacity = 16 });
        Assert.Equal(0.0, smaller.SuccessRate);
        Assert.Equal(16, smaller.TrajectoryCount);

        Assert.Throws<ArgumentException>(() => QLearner.Restore(snapshot with { QValues = new float[3] }, options));
        Assert.Throws<ArgumentException>(() => QLearner.Restore(snapshot with { Epsilon = float.NaN }, options));
    }
}
