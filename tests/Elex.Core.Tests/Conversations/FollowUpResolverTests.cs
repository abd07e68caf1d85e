using Elex.Core.Catalog;
using Elex.Core.Conversations;
using Elex.Core.Routing;
using Elex.Core.Routing.Glosses;

namespace Elex.Core.Tests.Conversations;

public class FollowUpResolverTests
{
    private const string Msm = "FAJ 121 3094";
    private const string Iflb = "FAJ 121 3009";
    private const string AiMsm = "FAJ 121 5296";
    private const float AbstainBelow = 0.7f;

    private static readonly Lazy<FeatureRouter> Router = new(() => FeatureRouter.Build(SharedData.SampleCatalogInstance));

    private static ConversationContext About(params string[] codes) => new([.. codes.Select(FeatureCode.Parse)]);

    private static RouteResult Resolve(string question, ConversationContext context) =>
        FollowUpResolver.Resolve(Router.Value, Router.Value.Route(question), question, context, AbstainBelow);

    [Theory]
    [InlineData("how would I switch it on?")]
    [InlineData("and the counters that prove it is working?")]
    [InlineData("what about its prerequisites")]
    [InlineData("prerequisites?")]
    public void FollowUp_IsRoutedToTheContextFeature_AndSaysSo(string question)
    {
        var route = Resolve(question, About(Msm));
        Assert.Equal(Msm, route.Feature!.Code.Value);
        Assert.True(route.ResolvedFromContext);
        Assert.InRange(route.Confidence, FollowUpResolver.UncertainFollowUpConfidence, 1f);
        Assert.Equal(MatchKind.Conversation, route.Best!.Evidence[0].Kind);
    }

    [Fact]
    public void ConnectiveFollowUp_WinsOverAConfidentRouteElsewhere_WhichStaysAnAlternative()
    {
        // On its own this routes confidently to an offload feature; after talking about IFLB it is about IFLB's thresholds.
        const string question = "what about the offload thresholds?";
        var own = Router.Value.Route(question);
        Assert.True(own.Confidence >= AbstainBelow);
        Assert.NotEqual(Iflb, own.Feature!.Code.Value);
        var route = Resolve(question, About(Iflb));
        Assert.Equal(Iflb, route.Feature!.Code.Value);
        Assert.True(route.ResolvedFromContext);
        Assert.Equal(FollowUpResolver.UncertainFollowUpConfidence, route.Confidence);
        Assert.Contains(route.Alternatives, c => c.Feature.Code == own.Feature.Code);
    }

    [Fact]
    public void FollowUpWhoseWordingPointsBack_IsSettled_AndItsOwnNoisyCandidatesAreDropped()
    {
        const string question = "which parameters control it?";
        var own = Router.Value.Route(question);
        Assert.True(own.Confidence < AbstainBelow);
        var route = Resolve(question, About(Msm));
        Assert.Equal(FollowUpResolver.FollowUpConfidence, route.Confidence);
        Assert.Equal([Msm], route.Candidates.Select(c => c.Feature.Code.Value));
    }

    [Fact]
    public void FollowUpInferredWithoutWordingThatPointsBack_IsNotSettled()
    {
        var route = Resolve("prerequisites?", About(Msm));
        Assert.True(route.ResolvedFromContext);
        Assert.Equal(FollowUpResolver.UncertainFollowUpConfidence, route.Confidence);
    }

    [Theory]
    [InlineData("and how do I activate IFLB?", Iflb)]
    [InlineData("what about FAJ 121 3009", Iflb)]
    [InlineData("how does inter-frequency load balancing decide when to move users?", Iflb)]
    [InlineData("which counters does TTI bundling have?", "FAJ 121 2051")]
    public void QuestionNamingAnotherFeature_KeepsItsOwnRoute(string question, string expected)
    {
        var own = Router.Value.Route(question);
        var route = FollowUpResolver.Resolve(Router.Value, own, question, About(Msm), AbstainBelow);
        Assert.Same(own, route);
        Assert.Equal(expected, route.Feature!.Code.Value);
        Assert.False(route.ResolvedFromContext);
    }

    [Fact]
    public void QuestionNamingTheContextFeature_IsNotAFollowUp()
    {
        var route = Resolve("and how do I activate MSM?", About(Msm));
        Assert.Equal(Msm, route.Feature!.Code.Value);
        Assert.False(route.ResolvedFromContext);
    }

    [Fact]
    public void SharedCounter_GoesToTheContextFeatureThatHasIt()
    {
        // pmMimoSleepOppTime belongs to MSM and its AI-powered sibling; the conversation says which.
        const string question = "What does pmMimoSleepOppTime count?";
        Assert.Equal(AiMsm, Router.Value.Route(question).Feature!.Code.Value);
        var route = Resolve(question, About(Msm));
        Assert.Equal(Msm, route.Feature!.Code.Value);
        Assert.True(route.ResolvedFromContext);
        Assert.Equal(FollowUpResolver.FollowUpConfidence, route.Confidence);
        Assert.Equal(AiMsm, route.Candidates[1].Feature.Code.Value);
    }

    [Fact]
    public void SharedCounter_TheContextFeatureLacks_KeepsItsOwnRoute()
    {
        var route = Resolve("What does pmMimoSleepOppTime count?", About(Iflb));
        Assert.Equal(AiMsm, route.Feature!.Code.Value);
        Assert.False(route.ResolvedFromContext);
    }

    [Fact]
    public void EverydayAbbreviationThatIsAlsoAnAcronym_DoesNotPullTheFollowUpAway()
    {
        var catalog = CatalogLoader.Load("""
            {"schema":"elex-catalog/1","features":[
              {"code":"FAJ 121 9001","name":"Port Mirroring","acronym":"PM","cxc":"CXC4019001"},
              {"code":"FAJ 121 9002","name":"Night Antenna Muting","acronym":"NAM","cxc":"CXC4019002"}]}
            """u8.ToArray(), "two features");
        var router = FeatureRouter.Build(catalog, glosses: RoutingGlosses.None);
        const string question = "and which PM counters show it works?";
        Assert.Contains(router.Route(question).Candidates, c => c.Evidence.Any(e => e.Kind == MatchKind.Acronym));
        var route = FollowUpResolver.Resolve(router, router.Route(question), question, About("FAJ 121 9002"), AbstainBelow);
        Assert.Equal(("FAJ 121 9002", true), (route.Feature!.Code.Value, route.ResolvedFromContext));
    }

    [Fact]
    public void LongSelfContainedQuestion_IsNotForcedIntoTheContext()
    {
        const string question = "can an eNodeB switch off half of its transmit antennas during quiet night hours to save energy and bring them back when traffic grows";
        var route = Resolve(question, About("FAJ 121 2051"));
        Assert.False(route.ResolvedFromContext);
        Assert.NotEqual("FAJ 121 2051", route.Feature!.Code.Value);
    }

    [Fact]
    public void TwoFeaturesInContext_TheOneTheQuestionLeansTowardsAnswers_TheOtherIsFirstAlternative()
    {
        var route = Resolve("and what about the sleep counters?", About(Iflb, Msm));
        Assert.Equal(Msm, route.Feature!.Code.Value);
        Assert.Equal(Iflb, route.Candidates[1].Feature.Code.Value);
        Assert.True(route.ResolvedFromContext);
        Assert.False(route.IsAmbiguous);
    }

    [Fact]
    public void TwoFeaturesInContext_NothingToChooseBy_IsMarkedAmbiguous()
    {
        var route = Resolve("do both need a licence?", About(Iflb, Msm));
        Assert.True(route.ResolvedFromContext);
        Assert.True(route.IsAmbiguous);
        Assert.Equal(FollowUpResolver.UncertainFollowUpConfidence, route.Confidence);
        Assert.Equal([Iflb, Msm], route.Candidates.Take(2).Select(c => c.Feature.Code.Value).Order());
    }

    [Fact]
    public void EmptyContext_OrCodesOutsideTheCatalog_LeaveTheRouteAlone()
    {
        const string question = "how would I switch it on?";
        var own = Router.Value.Route(question);
        Assert.Same(own, FollowUpResolver.Resolve(Router.Value, own, question, ConversationContext.Empty, AbstainBelow));
        Assert.Same(own, FollowUpResolver.Resolve(Router.Value, own, question, About("FAJ 999 9999"), AbstainBelow));
    }

    [Fact]
    public void ContextFeatureMissingFromTheCandidates_GetsItsCatalogOrdinal()
    {
        var route = Resolve("and its counters?", About("FAJ 121 1713"));
        var best = route.Best!;
        Assert.Equal("FAJ 121 1713", best.Feature.Code.Value);
        Assert.Same(SharedData.SampleCatalogInstance[best.Ordinal], best.Feature);
    }

    [Fact]
    public void NullArguments_AreRejected()
    {
        var own = Router.Value.Route("x");
        var router = Router.Value;
        Assert.Throws<ArgumentNullException>(() => FollowUpResolver.Resolve(null!, own, "x", ConversationContext.Empty, AbstainBelow));
        Assert.Throws<ArgumentNullException>(() => FollowUpResolver.Resolve(router, null!, "x", ConversationContext.Empty, AbstainBelow));
        Assert.Throws<ArgumentNullException>(() => FollowUpResolver.Resolve(router, own, null!, ConversationContext.Empty, AbstainBelow));
        Assert.Throws<ArgumentNullException>(() => FollowUpResolver.Resolve(router, own, "x", null!, AbstainBelow));
    }
}
