using System.Text;
using Elex.Core.Catalog;
using Elex.Core.Routing;

namespace Elex.Core.Tests.Routing;

public class FeatureRouterTests
{
    private static readonly Lazy<FeatureRouter> Sample = new(() => FeatureRouter.Build(SharedData.SampleCatalogInstance));

    private static string Route(string text) => Sample.Value.Route(text).Feature!.Code.Value;

    [Theory]
    [InlineData("Describe feature FAJ 121 3094.")]
    [InlineData("what is faj1213094")]
    [InlineData("Is CXC4011808 licensed?")]
    [InlineData("What counters monitor MSM performance?")]
    [InlineData("Explain how MIMO Sleep Mode works.")]
    [InlineData("Which feature uses the parameter portMergingEnabled?")]
    [InlineData("What does MimoSleepFunction.sleepMode control?")]
    [InlineData("set sleepMode to 2 on cell X")]
    public void Route_ExactEvidence_FindsMimoSleepMode(string question) => Assert.Equal("FAJ 121 3094", Route(question));

    [Theory]
    [InlineData("When should prescheduling be enabled for VoLTE traffic?", "FAJ 121 5470")]
    [InlineData("UL CA is not active. What parameters need to be checked?", "FAJ 121 4425")]
    [InlineData("IFLB not moving UEs, what to check?", "FAJ 121 3009")]
    [InlineData("How do I activate inter-frequency load balancing?", "FAJ 121 3009")]
    [InlineData("uplink carrier aggregation prerequisites", "FAJ 121 4425")]
    public void Route_NaturalPhrasing_Generalises(string question, string expected) => Assert.Equal(expected, Route(question));

    [Fact]
    public void Route_CounterSharedByTwoFeatures_ListsBothFirst()
    {
        var result = Sample.Value.Route("What does the counter pmMimoSleepOppTime measure?");
        Assert.Equal(["FAJ 121 3094", "FAJ 121 5296"], result.Candidates.Take(2).Select(c => c.Feature.Code.Value).Order());
        Assert.All(result.Candidates.Take(2), c => Assert.Contains(c.Evidence, e => e is { Kind: MatchKind.Counter, SharedBy: 2 }));
    }

    [Fact]
    public void Route_UniqueCode_IsConfident()
    {
        var result = Sample.Value.Route("Describe feature FAJ 121 3094.");
        Assert.True(result.Confidence > 0.9f, $"confidence {result.Confidence}");
        Assert.Contains(result.Best!.Evidence, e => e.Kind == MatchKind.Code);
        Assert.False(result.IsAmbiguous);
    }

    [Fact]
    public void Route_SharedAcronym_LowersConfidenceAndListsBoth()
    {
        var catalog = CatalogLoader.Load(Encoding.UTF8.GetBytes("""
            {"schema":"elex-catalog/1","features":[
              {"code":"FAJ 121 1747","name":"Service Triggered Mobility","acronym":"STM"},
              {"code":"FAJ 121 1788","name":"Subscriber Triggered Mobility","acronym":"STM"},
              {"code":"FAJ 121 3094","name":"MIMO Sleep Mode","acronym":"MSM"}]}
            """), "ambiguous");
        var router = FeatureRouter.Build(catalog);
        var result = router.Route("What is STM used for?");
        Assert.True(result.IsAmbiguous);
        Assert.InRange(result.Confidence, 0.3f, 0.7f);
        Assert.Equal(["FAJ 121 1747", "FAJ 121 1788"], result.Candidates.Take(2).Select(c => c.Feature.Code.Value).Order());
        var unique = router.Route("What is MSM used for?");
        Assert.True(unique.Confidence > result.Confidence);
    }

    [Fact]
    public void Route_Nonsense_HasLowConfidenceOrNoMatch()
    {
        var result = Sample.Value.Route("qwzx blorf");
        Assert.True(result.Best is null || result.Confidence < 0.3f, $"confidence {result.Confidence}");
    }

    [Fact]
    public void Route_ShortAcronymInLowerCase_IsNotTakenAsAcronym()
    {
        // "to" is not the acronym TO (TCP Optimization) when written in lower case.
        var result = Sample.Value.Route("how to check the sleep mode");
        Assert.DoesNotContain(result.Best!.Evidence, e => e.Kind == MatchKind.Acronym);
    }

    [Fact]
    public void Route_Candidates_AreBestFirstWithConfidencesSummingAtMostOne()
    {
        var result = Sample.Value.Route("carrier aggregation", 5);
        Assert.Equal(5, result.Candidates.Count);
        Assert.True(result.Candidates.Zip(result.Candidates.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.InRange(result.Candidates.Sum(c => c.Confidence), 0f, 1.0001f);
    }

    [Fact]
    public void Build_IsDeterministic()
    {
        var a = FeatureRouter.Build(SharedData.SampleCatalogInstance).Route("energy saving sleep", 5);
        var b = FeatureRouter.Build(SharedData.SampleCatalogInstance).Route("energy saving sleep", 5);
        Assert.Equal(a.Candidates.Select(c => (c.Ordinal, c.Score)), b.Candidates.Select(c => (c.Ordinal, c.Score)));
    }

    [Fact]
    public void IsSettled_AUniqueIdentifier_SettlesUnlessTheQuestionNamesTheOtherRat()
    {
        const string lte = "which portMergingEnabled value should MSM use?";
        const string nr = "which portMergingEnabled value should MSM use on NR cells?";
        Assert.True(Sample.Value.IsSettled(Sample.Value.Route(lte)));
        // MIMO Sleep Mode is an LTE feature: on NR cells the model should weigh an NR sibling.
        Assert.False(Sample.Value.IsSettled(Sample.Value.Route(nr)));
        Assert.True(Sample.Value.IsSettled(Sample.Value.Route("FAJ 121 3094 on NR cells")), "a code settles whatever the RAT");
    }

    [Theory]
    [InlineData("What is Prescheduling?", true)]
    [InlineData("What is Prescheduling in LTE?", true)]
    [InlineData("what is prescheduling on NR cells", false)] // Prescheduling is LTE: an NR sibling may be meant
    [InlineData("how does prescheduling help VoLTE calls", false)] // more words than the name: perhaps an add-on
    public void IsSettled_AQuestionThatIsOnlyAWholeName_SettlesOnThatFeature(string question, bool settled)
    {
        var route = Sample.Value.Route(question);

        Assert.Equal(settled, Sample.Value.IsSettled(route));
        if (settled) Assert.Equal("FAJ 121 3085", route.Feature!.Code.Value);
    }
}
