using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Orleans.Agents;
using Elex.Orleans.Contracts;
using Elex.Orleans.Hosting;
using Elex.Orleans.Storage;

namespace Elex.Orleans.Tests;

/// <summary>One agent as a grain holds it, without a cluster: answering, rating, re-rating and refusing bad input.</summary>
public sealed class AgentActivationTests
{
    private static readonly ElexAgentSettings Settings = new(Catalogs.Full, new QLearningOptions { Seed = 5 });

    private static (AgentActivation Agent, AgentReply Reply) Answered()
    {
        var feature = Catalogs.Questions[2].Feature;
        var agent = AgentActivation.Restore(Settings, feature, new AgentGrainState());
        var reply = agent.Answer(new AgentQuestion { ResponseId = "r-1", Text = Catalogs.Questions[2].Question, Type = (int)QueryType.Parameter, RouteConfidence = 0.9f }, "s", DateTimeOffset.UnixEpoch);
        return (agent, reply);
    }

    private static AgentFeedback Rating(AgentReply reply, float reward, bool success) =>
        new() { ResponseId = reply.ResponseId, Reward = reward, Success = success, LearningState = reply.LearningState, Strategy = reply.Strategy };

    [Fact]
    public void Learn_SameRatingTwice_IsRepeatedAndCountedOnce()
    {
        var (agent, reply) = Answered();

        var first = agent.Learn(Rating(reply, 1f, true), "s", 1);
        var second = agent.Learn(Rating(reply, 1f, true), "s", 2);

        Assert.False(first.Repeated);
        Assert.True(second.Repeated);
        Assert.Equal(1, agent.Status("s").Rated);
        Assert.Equal(1, agent.Status("s").Learned);
    }

    [Fact]
    public void Learn_DifferentRating_ReplacesTheFirst()
    {
        var (agent, reply) = Answered();
        agent.Learn(Rating(reply, 1f, true), "s", 1);

        var corrected = agent.Learn(Rating(reply, -1f, false), "s", 2);

        Assert.Equal(1f, corrected.ReplacedReward);
        Assert.Equal(1, agent.Status("s").Rated);
        Assert.Equal(1, agent.Capture().RatedUnsuccessful);
    }

    [Theory]
    [InlineData(float.NaN, 0, "Reward NaN")]
    [InlineData(2f, 0, "outside [-1, 1]")]
    [InlineData(1f, 99_999, "Learning state 99999")]
    public void Learn_MalformedFeedback_IsRefusedNamingWhatIsWrong_AndLearnsNothing(float reward, int state, string expected)
    {
        var (agent, reply) = Answered();
        var before = agent.Status("s");

        var error = Assert.Throws<ArgumentException>(() => agent.Learn(new AgentFeedback
        {
            ResponseId = reply.ResponseId, Reward = reward, Success = true, LearningState = state == 0 ? reply.LearningState : state, Strategy = reply.Strategy,
        }, "s", 1));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before.Learned, agent.Status("s").Learned);
        Assert.Equal(0, agent.Status("s").Rated);
    }

    [Fact]
    public void Learn_NoResponseId_IsRefused()
    {
        var (agent, reply) = Answered();

        var error = Assert.Throws<ArgumentException>(() => agent.Learn(new AgentFeedback { Reward = 1f, LearningState = reply.LearningState, Strategy = reply.Strategy }, "s", 1));

        Assert.Contains("names no response", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_QuestionNamingAFeatureOutsideTheCatalog_IsRefusedNamingIt()
    {
        var (agent, _) = Answered();

        var error = Assert.Throws<ArgumentException>(() => agent.Answer(new AgentQuestion { ResponseId = "r-2", Text = "x", Alternatives = ["FAJ 999 9999"] }, "s", DateTimeOffset.UnixEpoch));

        Assert.Contains("FAJ 999 9999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_StateOfAnotherAgent_FailsNamingBoth()
    {
        var state = GrainStorageRoundTripTests.LearnedState(Catalogs.Questions[0].Feature, ratings: 1);

        var error = Assert.Throws<FormatException>(() => AgentActivation.Restore(Settings, Catalogs.Questions[1].Feature, state));

        Assert.Contains(state.AgentId, error.Message, StringComparison.Ordinal);
    }
}
