using Elex.Core.Responses;

namespace Elex.Streams.Tests;

public class SwarmAbstentionTests
{
    // Written for this test: specific and vague questions, change requests with and without a clear feature.
    private static readonly string[] Questions =
    [
        "set sleepMode to 2 on cell X",
        "activate it on node ERBS01",
        "set the threshold to 5",
        "how do I activate MIMO Sleep Mode on node ERBS01",
        "deactivate Inter-Frequency Load Balancing",
        "turn on the energy feature",
        "set portMergingEnabled to true for MSM",
        "enable the load thing on cell A",
        "what does FAJ 121 3094 need before activation?",
        "change the offset on the relation",
    ];

    [Theory]
    [InlineData(0.3f)]
    [InlineData(0.7f)]
    [InlineData(0.95f)]
    public async Task NoResponseBelowTheThreshold_ProposesACommand_AndEachIsUnsureOrNoMatch(float threshold)
    {
        await using var swarm = await TestCatalog.NewSwarmAsync(new SwarmConfig { AbstainBelow = threshold, Learning = null });
        var below = 0;
        foreach (var question in Questions)
        {
            var response = await swarm.QueryAsync(question);
            if (response.Confidence >= threshold && response.Status == ResponseStatus.Answered) continue;
            below++;
            Assert.Empty(response.Commands);
            Assert.Contains(response.Status, new[] { ResponseStatus.Unsure, ResponseStatus.NoMatch });
            Assert.Null(response.AgentId);
        }
        if (threshold >= 0.95f) Assert.True(below > 0, "a 0.95 threshold held nothing back");
    }

    [Fact]
    public async Task AbstainBelow_OutsideZeroToOne_IsANamedConfigError()
    {
        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => TestCatalog.NewSwarmAsync(new SwarmConfig { AbstainBelow = 1.5f }));
        Assert.Contains("AbstainBelow", e.Message);
    }
}

public class SwarmModelFailureTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task AModelThatFails_LeavesTheSwarmAnswering_OnExactAndLexicalEvidence_WithAWarning(int batchWindowMs)
    {
        var encoder = new CountingEncoder();
        var index = Elex.Core.Semantics.SemanticIndex.Build(TestCatalog.Sample, Elex.Core.Routing.Glosses.RoutingGlosses.Embedded, encoder);
        var router = Elex.Core.Routing.FeatureRouter.Build(TestCatalog.Sample, semantic: index);
        encoder.Fail = true;
        await using var swarm = await ElexSwarm.CreateAsync(TestCatalog.Sample, new SwarmConfig { SemanticBatchWindow = TimeSpan.FromMilliseconds(batchWindowMs) }, router: router);
        var response = await swarm.QueryAsync("Which counters show MSM is working?");
        Assert.NotEqual(ResponseStatus.Error, response.Status);
        Assert.Equal("FAJ 121 3094", response.FeatureCode);
        var vague = await swarm.QueryAsync("how do we save energy at night?");
        Assert.NotEqual(ResponseStatus.Error, vague.Status);
        Assert.Contains(vague.Warnings, w => w.Contains("sentence model could not run", StringComparison.Ordinal));
    }
}

public class SwarmStableAnswerTests
{
    [Fact]
    public async Task TheSameQuestion_GetsTheSameAnswer_UntilFeedbackTeachesTheAgent_AndAConfidentRouteIsNeverEscalated()
    {
        // ε = 1: every choice explores, the worst case for stable answers.
        await using var swarm = await TestCatalog.NewSwarmAsync(new SwarmConfig { Learning = new Elex.Core.Learning.QLearningOptions { Epsilon = 1f, MinEpsilon = 1f, EpsilonDecay = 1f, Seed = 3 } });
        string[] questions = ["What is FAJ 121 3094?", "which counters show MSM is working?", "what does FAJ 121 3009 need?"];
        foreach (var question in questions)
        {
            var first = await swarm.QueryAsync(question);
            var again = await swarm.QueryAsync(question);
            Assert.Equal(first.Strategy, again.Strategy);
            Assert.Equal(first.Text, again.Text);
            if (first.Confidence >= 0.8f)
                Assert.Contains(first.Strategy, new[] { Elex.Core.Learning.ResponseAction.DirectAnswer, Elex.Core.Learning.ResponseAction.DetailedAnswer });
        }
    }
}
