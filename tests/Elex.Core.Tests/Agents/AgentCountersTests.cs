using Elex.Core.Agents;

namespace Elex.Core.Tests.Agents;

public class AgentCountersTests
{
    private static AgentCounters Answered(int answers)
    {
        var counters = new AgentCounters();
        for (var i = 0; i < answers; i++) counters.Record(10, 0.9, success: true, DateTimeOffset.UnixEpoch);
        return counters;
    }

    [Fact]
    public void AnAnswerRatedUnsuccessful_IsNoLongerASuccess()
    {
        var counters = Answered(4);
        for (var i = 0; i < 4; i++) counters.Rate(previousSuccess: null, success: false);
        Assert.Equal((4, 0), (counters.Read().Interactions, counters.Read().Successes));
        Assert.Equal((4, 4), counters.ReadRatings());
    }

    [Fact]
    public void ARatingReplaced_IsTakenBack_NotCountedTwice()
    {
        var counters = Answered(2);
        counters.Rate(null, false);             // first rating: wrong
        counters.Rate(previousSuccess: false, success: false); // the same response, again wrong
        Assert.Equal(1, counters.Read().Successes);
        Assert.Equal((1, 1), counters.ReadRatings());
        counters.Rate(previousSuccess: false, success: true);  // and finally right
        Assert.Equal(2, counters.Read().Successes);
        Assert.Equal((1, 0), counters.ReadRatings());
    }

    [Fact]
    public void ASuccessfulRating_OfAnAnswer_KeepsItASuccess()
    {
        var counters = Answered(1);
        counters.Rate(null, true);
        Assert.Equal(1, counters.Read().Successes);
        Assert.Equal((1, 0), counters.ReadRatings());
    }

    [Fact]
    public void RestoreRatings_RefusesInconsistentCounts()
    {
        var counters = new AgentCounters();
        Assert.Throws<ArgumentOutOfRangeException>(() => counters.RestoreRatings(1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => counters.RestoreRatings(-1, 0));
        counters.RestoreRatings(3, 1);
        Assert.Equal((3, 1), counters.ReadRatings());
    }
}
