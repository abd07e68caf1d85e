using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Queries;

namespace Elex.Core.Tests.Agents;

public class FeedbackLearnerTests
{
    private static readonly FeatureCatalog Sample = SharedData.SampleCatalogInstance;
    private static readonly FeatureCode Msm = FeatureCode.Parse("FAJ 121 3094");
    private static readonly LearningState State = new(QueryType.Counter, Complexity.Simple, ConfidenceBucket.High, Maturity.Novice);

    private static (FeedbackLearner Learner, AgentRegistry Registry, ExperienceLog Log) Answered(params string[] responseIds)
    {
        var registry = new AgentRegistry(Sample, learning: new QLearningOptions { Seed = 1, ReplayCapacity = 100, ReplayBatch = 100 });
        var log = new ExperienceLog();
        var agent = registry.Get(Msm)!;
        foreach (var id in responseIds)
        {
            agent.RecordInteraction(10, 0.9, success: true, DateTimeOffset.UnixEpoch);
            log.Add(new Experience(id, Msm, State, ResponseAction.DirectAnswer, 0));
        }
        return (new FeedbackLearner(registry, log), registry, log);
    }

    [Fact]
    public void FourNegativeRatings_LeaveNoSuccess()
    {
        var (learner, registry, _) = Answered("r-1", "r-2", "r-3", "r-4");
        foreach (var id in new[] { "r-1", "r-2", "r-3", "r-4" })
            Assert.True(learner.Apply(Feedback.ForResponse(id, -1f, success: false), 1).Applied);
        var stats = registry.Get(Msm)!.Snapshot();
        Assert.Equal((4, 0, 4, 4), (stats.Interactions, stats.Successes, stats.Rated, stats.RatedUnsuccessful));
    }

    [Fact]
    public void ASecondRating_ReplacesTheFirst_AndSaysSo()
    {
        var (learner, registry, log) = Answered("r-1");
        var first = learner.Apply(Feedback.ForResponse("r-1", -1f, success: false), 1);
        var second = learner.Apply(Feedback.ForResponse("r-1", 1f, success: true), 2);

        Assert.Null(first.Replaced);
        Assert.Equal(-1, first.SuccessChange);
        Assert.Equal(new Rating(-1f, false, 0), second.Replaced);
        Assert.Equal(new Rating(1f, true, 0), second.Rating);
        Assert.Equal(+1, second.SuccessChange);
        Assert.Contains("replacing the earlier rating of r-1 (reward -1)", second.Message);
        Assert.Equal("r-1", second.ResponseId);

        var q = registry.LearnerFor(Msm)!;
        Assert.Equal(1, q.Interactions);
        Assert.Equal(1, q.Visits(State, ResponseAction.DirectAnswer));
        var stats = registry.Get(Msm)!.Snapshot();
        Assert.Equal((1, 1, 1, 0), (stats.Interactions, stats.Successes, stats.Rated, stats.RatedUnsuccessful));
        Assert.True(log.TryGetByResponse("r-1", out var experience));
        Assert.Equal(new Rating(1f, true, 0), experience.Rating);
    }

    [Fact]
    public void FeedbackForAnAgent_RatesItsLastAnswer_OnceAndThenReplaces()
    {
        var (learner, registry, _) = Answered("r-1", "r-2");
        learner.Apply(Feedback.ForAgent("FAJ 121 3094", -1f, false), 1);
        var again = learner.Apply(Feedback.ForAgent("FAJ 121 3094", -0.5f, false), 2);
        Assert.Equal("r-2", again.ResponseId);
        Assert.NotNull(again.Replaced);
        Assert.Equal(1, registry.LearnerFor(Msm)!.Interactions);
        Assert.Equal((1L, 1L), registry.Get(Msm)!.Snapshot() is var s ? (s.Rated, s.RatedUnsuccessful) : default);
    }
}
