using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Core.Routing.Glosses;

namespace Elex.Core.Tests.Routing;

public class RoutingGlossesTests
{
    [SharedDataFact]
    public void Embedded_HasOneGlossPerFeatureOfTheFullCatalog_AndNoUnknownCode()
    {
        var catalog = SharedData.Full!;
        var glosses = RoutingGlosses.Embedded;
        var missing = catalog.Features.Where(f => glosses.For(f.Code) is null).Select(f => f.Code.Value).ToList();
        Assert.Empty(missing);
        var codes = catalog.Features.Select(f => f.Code.Value).ToHashSet();
        Assert.Empty(glosses.All.Where(g => !codes.Contains(g.Code)).Select(g => g.Code));
        Assert.Equal(catalog.Count, glosses.Count);
    }

    [Fact]
    public void Embedded_CoversTheSampleCatalog_WithSubstantialText()
    {
        var glosses = RoutingGlosses.Embedded;
        foreach (var f in SampleCatalog.Load().Features)
        {
            var gloss = glosses.For(f.Code);
            Assert.NotNull(gloss);
            Assert.True(gloss!.Gloss.Split(' ').Length >= 30, $"{f.Code}: gloss too short");
            Assert.InRange(gloss.Terms.Count, 4, 20);
        }
    }

    [Theory]
    [InlineData("{\"code\":\"FAJ 121 0001\",\"rat\":\"LTE\",\"gloss\":\"x\"}", "'terms'")]
    [InlineData("{\"code\":\"nope\",\"rat\":\"LTE\",\"gloss\":\"x\",\"terms\":[]}", "'code'")]
    [InlineData("{\"code\":\"FAJ 121 0001\",\"rat\":\"6G\",\"gloss\":\"x\",\"terms\":[]}", "'rat' is '6G'")]
    [InlineData("{\"code\":\"FAJ 121 0001\",\"rat\":\"NR\",\"gloss\":\"\",\"terms\":[]}", "'gloss'")]
    [InlineData("not json", "not JSON")]
    public void Parse_BadLine_NamesLineAndField(string line, string expected)
    {
        var e = Assert.Throws<FormatException>(() => RoutingGlosses.Parse(new StringReader("\n" + line)));
        Assert.StartsWith("line 2:", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Parse_DuplicateCode_IsAnError()
    {
        const string line = "{\"code\":\"FAJ 121 0001\",\"rat\":\"any\",\"gloss\":\"x\",\"terms\":[\"a\"]}";
        var e = Assert.Throws<FormatException>(() => RoutingGlosses.Parse(new StringReader(line + "\n" + line)));
        Assert.Contains("second gloss for FAJ 121 0001", e.Message);
    }

    [SharedDataFact]
    public void Glosses_LetTheLexicalRouterFindFeaturesDescribedInPlainWords()
    {
        // Written for this test: each describes what a feature does without naming it.
        (string Question, string Code)[] questions =
        [
            ("switch off some antenna branches at night when the cell is nearly idle to save power", "FAJ 121 3094"),
            ("move UEs to the other LTE carrier when this one is overloaded", "FAJ 121 3009"),
            ("keep voice calls alive when the user walks out of LTE coverage into GSM", "FAJ 121 3014"),
        ];
        var withGlosses = FeatureRouter.Build(SharedData.Full!);
        var without = FeatureRouter.Build(SharedData.Full!, glosses: RoutingGlosses.None);
        int top3With = 0, top3Without = 0;
        foreach (var (q, code) in questions)
        {
            if (withGlosses.Route(q, 3).Candidates.Any(c => c.Feature.Code.Value == code)) top3With++;
            if (without.Route(q, 3).Candidates.Any(c => c.Feature.Code.Value == code)) top3Without++;
        }
        // Lexical matching alone still misses some ("overloaded" is not "load balancing"); the model closes that gap.
        Assert.True(top3With >= 2, $"with glosses {top3With}/{questions.Length}");
        Assert.True(top3Without < top3With, $"without glosses {top3Without}, with {top3With}");
    }

    [SharedDataFact]
    public void EverydayAbbreviation_DoesNotNameTheFeatureWhoseAcronymItIs()
    {
        var router = FeatureRouter.Build(SharedData.Full!);
        var result = router.Route("Which PM counters show VoLTE drops?");
        Assert.NotEqual("Port Mirroring", result.Feature?.Name);
    }

    [SharedDataFact]
    public void Nsa_IsNotTheAcronymOfTheFeatureThatSharesIt_AndEndcIsEnDc()
    {
        var router = FeatureRouter.Build(SharedData.Full!);
        var nsa = router.Route("how do I enable NSA on this eNodeB");
        Assert.DoesNotContain(nsa.Candidates.SelectMany(c => c.Evidence), e => e.Kind == MatchKind.Acronym && e.Text == "NSA");
        Assert.Contains(router.Route("ENDC drops after a few seconds on every phone", 3).Candidates, c => c.Feature.Name == "LTE-NR Dual Connectivity");
        Assert.Equal("NR Soft Admission", router.Route("which counters show NR Soft Admission is working").Feature?.Name);
    }

    [SharedDataFact]
    public void AnAcronymInsideAnotherFeaturesName_DoesNotNameItsOwnFeature()
    {
        var router = FeatureRouter.Build(SharedData.Full!);
        var result = router.Route("How do I tune Limited-Uplink-Aware IFLB for UEs with a weak uplink?");
        Assert.Equal("Limited-Uplink-Aware IFLB", result.Feature?.Name);
        Assert.DoesNotContain(result.Candidates.SelectMany(c => c.Evidence), e => e.Kind == MatchKind.Acronym && e.Text == "IFLB");
    }
}
