using Elex.Core.Catalog;
using Elex.Core.Routing;

namespace Elex.Core.Tests.Routing;

public class RouteMemoryTests
{
    private static readonly FeatureCode Iflb = FeatureCode.Parse("FAJ 121 3009");

    [Fact]
    public void ATaughtQuestion_RoutesToTheTaughtFeature_WithTheLearnedRouteAsEvidence()
    {
        var router = FeatureRouter.Build(SampleCatalog.Load());
        const string question = "the second carrier sits idle while the first one is full";
        Assert.NotEqual(Iflb, router.Route(question).Feature?.Code);
        router.Teach(question, Iflb);
        var after = router.Route(question);
        Assert.Equal(Iflb, after.Feature!.Code);
        Assert.Contains(after.Best!.Evidence, e => e.Kind == MatchKind.Learned);
        Assert.Equal(1, router.Memory.Count);
    }

    [Fact]
    public void TeachingTheSameQuestionAgain_ReplacesItsEarlierAnswer()
    {
        var router = FeatureRouter.Build(SampleCatalog.Load());
        router.Teach("where do my users go at night", Iflb);
        router.Teach("where do my users go at night", FeatureCode.Parse("FAJ 121 3094"));
        Assert.Single(router.Memory.Routes);
        Assert.Equal("FAJ 121 3094", router.Memory.Routes[0].Feature.Value);
    }

    [Fact]
    public void TheMemoryIsBounded_OldestForgottenFirst()
    {
        var memory = new RouteMemory(capacity: 2);
        memory.Add(new LearnedRoute("a", Iflb), 0, [1f, 0f]);
        memory.Add(new LearnedRoute("b", Iflb), 0, [0f, 1f]);
        memory.Add(new LearnedRoute("c", Iflb), 0, [1f, 0f]);
        Assert.Equal(["b", "c"], memory.Routes.Select(r => r.Question));
    }

    [Fact]
    public void Teach_AFeatureTheCatalogLacks_IsANamedError()
    {
        var router = FeatureRouter.Build(SampleCatalog.Load());
        var e = Assert.Throws<ArgumentException>(() => router.Teach("anything", FeatureCode.Parse("FAJ 999 9999")));
        Assert.Contains("FAJ 999 9999", e.Message);
        Assert.Equal(0, router.Memory.Count);
    }

    [Fact]
    public void Restore_SkipsRoutesToUnknownFeatures_AndKeepsTheRest()
    {
        var router = FeatureRouter.Build(SampleCatalog.Load());
        var skipped = router.Restore([new LearnedRoute("one", Iflb), new LearnedRoute("two", FeatureCode.Parse("FAJ 999 9999"))]);
        Assert.Single(skipped);
        Assert.Equal(1, router.Memory.Count);
    }
}
