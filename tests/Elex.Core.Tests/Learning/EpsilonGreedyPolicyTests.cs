using Elex.Core.Learning;
using Elex.Core.Queries;

namespace Elex.Core.Tests.Learning;

public sealed class EpsilonGreedyPolicyTests
{
    private static readonly LearningState S = new(QueryType.Procedure, Complexity.Moderate, ConfidenceBucket.Low, Maturity.Practised);

    [Fact]
    public void With_epsilon_zero_the_choice_is_greedy()
    {
        var table = new QTable();
        table.Set(S, ResponseAction.RequestClarification, 0.3f);
        var policy = new EpsilonGreedyPolicy(0f, 0.995f, 0f);
        var random = new Random(3);
        for (var i = 0; i < 1000; i++)
            Assert.Equal(ResponseAction.RequestClarification, policy.Choose(table, S, random));
    }

    [Fact]
    public void With_epsilon_one_choices_cover_all_actions_uniformly()
    {
        var table = new QTable();
        table.Set(S, ResponseAction.Escalate, 1f);
        var policy = new EpsilonGreedyPolicy(1f, 1f, 1f);
        var random = new Random(11);
        const int draws = 5000;
        var counts = new int[QTable.ActionCount];
        for (var i = 0; i < draws; i++) counts[(int)policy.Choose(table, S, random)]++;
        const double expected = draws / (double)QTable.ActionCount;
        var chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.All(counts, c => Assert.True(c > 0));
        Assert.True(chiSquare < 18.47, $"chi-square {chiSquare:F2} (4 df, p = 0.001 critical 18.47); counts {string.Join(", ", counts)}");
    }

    [Fact]
    public void Seeded_choice_is_greedy_at_epsilon_zero_and_repeats_for_the_same_seed()
    {
        var table = new QTable();
        table.Set(S, ResponseAction.ConsultPeer, 0.4f);
        var greedy = new EpsilonGreedyPolicy(0f, 0.995f, 0f);
        for (ulong seed = 0; seed < 1000; seed++) Assert.Equal(ResponseAction.ConsultPeer, greedy.Choose(table, S, seed));

        var exploring = new EpsilonGreedyPolicy(0.5f, 1f, 0.5f);
        for (ulong seed = 0; seed < 200; seed++) Assert.Equal(exploring.Choose(table, S, seed), exploring.Choose(table, S, seed));
    }

    [Fact]
    public void Seeded_choices_over_consecutive_seeds_explore_at_epsilon_and_cover_actions_uniformly()
    {
        var table = new QTable();
        table.Set(S, ResponseAction.Escalate, 1f);
        const int draws = 5000;
        var all = new EpsilonGreedyPolicy(1f, 1f, 1f);
        var counts = new int[QTable.ActionCount];
        for (ulong seed = 0; seed < draws; seed++) counts[(int)all.Choose(table, S, seed)]++;
        const double expected = draws / (double)QTable.ActionCount;
        var chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chiSquare < 18.47, $"chi-square {chiSquare:F2} (4 df, p = 0.001 critical 18.47); counts {string.Join(", ", counts)}");

        // At ε = 0.2 about a fifth of the choices explore; four fifths of those land off the greedy action.
        var some = new EpsilonGreedyPolicy(0.2f, 1f, 0.2f);
        var offGreedy = 0;
        for (ulong seed = 0; seed < draws; seed++) if (some.Choose(table, S, seed) != ResponseAction.Escalate) offGreedy++;
        Assert.InRange(offGreedy / (double)draws, 0.13, 0.19);
    }

    [Fact]
    public void Decay_multiplies_down_to_the_floor()
    {
        var policy = new EpsilonGreedyPolicy(new QLearningOptions());
        Assert.Equal(0.1f, policy.Epsilon);
        policy.Decay();
        Assert.Equal(0.1f * 0.995f, policy.Epsilon, 1e-7f);
        for (var i = 0; i < 2000; i++) policy.Decay();
        Assert.Equal(0.01f, policy.Epsilon);
    }

    [Fact]
    public void Invalid_settings_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EpsilonGreedyPolicy(1.5f, 0.9f, 0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EpsilonGreedyPolicy(0.1f, 0f, 0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EpsilonGreedyPolicy(0.1f, 0.9f, 0.2f));
    }
}
