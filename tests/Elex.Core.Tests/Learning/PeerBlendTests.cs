using Elex.Core.Learning;
using Elex.Core.Queries;

namespace Elex.Core.Tests.Learning;

public class PeerBlendTests
{
    // A split route (Medium confidence): every action is open to the policy there.
    private static readonly LearningState State = new(QueryType.Counter, Complexity.Simple, ConfidenceBucket.Low, Maturity.Novice);

    private static QTable Table(params (ResponseAction Action, float Value, int Visits)[] entries)
    {
        var table = new QTable();
        foreach (var (action, value, visits) in entries)
        {
            table.Set(State, action, value);
            for (var i = 0; i < visits; i++) table.AddVisit(State, action);
        }
        return table;
    }

    [Fact]
    public void BlendFrom_WeighsByVisits_AndKeepsOwnValuesWithoutVisits()
    {
        var own = Table((ResponseAction.DirectAnswer, 1f, 9), (ResponseAction.Escalate, 0.5f, 0));
        var peers = Table((ResponseAction.DirectAnswer, 0f, 1), (ResponseAction.ConsultPeer, 0.8f, 4));
        var blended = new QTable();
        blended.BlendFrom(own, peers);
        Assert.Equal(0.9f, blended.Get(State, ResponseAction.DirectAnswer), 5);
        Assert.Equal(10, blended.Visits(State, ResponseAction.DirectAnswer));
        Assert.Equal(0.8f, blended.Get(State, ResponseAction.ConsultPeer), 5);
        Assert.Equal(0.5f, blended.Get(State, ResponseAction.Escalate));
        Assert.Equal(3, blended.NonZeroEntries);
    }

    [Fact]
    public void AdoptPeers_TheGreedyChoiceFollowsTheBlend_WhileTheOwnTableStaysOwn()
    {
        var learner = new QLearner(new QLearningOptions { Epsilon = 0, MinEpsilon = 0, Seed = 1, ReplayBatch = 1 });
        learner.Learn(State, ResponseAction.DirectAnswer, 0.2f, State, true, 1);
        Assert.Equal(ResponseAction.DirectAnswer, learner.Choose(State));

        // Peers have much more evidence that ConsultPeer is better here.
        learner.AdoptPeers(Table((ResponseAction.ConsultPeer, 0.9f, 50)));
        Assert.True(learner.HasPeers);
        Assert.Equal(ResponseAction.ConsultPeer, learner.Choose(State));
        Assert.Equal(ResponseAction.ConsultPeer, learner.BestAction(State));
        Assert.Equal(0f, learner.OwnTable().Get(State, ResponseAction.ConsultPeer));
        Assert.Equal(0f, learner.QValue(State, ResponseAction.ConsultPeer));

        learner.AdoptPeers(null);
        Assert.False(learner.HasPeers);
        Assert.Equal(ResponseAction.DirectAnswer, learner.Choose(State));
    }

    [Fact]
    public void AdoptPeers_IsReblendedAfterOwnLearning()
    {
        var learner = new QLearner(new QLearningOptions { Epsilon = 0, MinEpsilon = 0, Seed = 1, ReplayBatch = 1 });
        learner.AdoptPeers(Table((ResponseAction.ConsultPeer, 0.1f, 1)));
        Assert.Equal(ResponseAction.ConsultPeer, learner.Choose(State));
        for (var i = 0; i < 20; i++) learner.Learn(State, ResponseAction.Escalate, 1f, State, true, i);
        Assert.Equal(ResponseAction.Escalate, learner.Choose(State));
    }
}
