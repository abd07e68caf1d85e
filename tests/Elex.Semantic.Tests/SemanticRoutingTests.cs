using System.Text.Json;
using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Core.Routing.Glosses;
using Elex.Core.Semantics;
using Xunit.Abstractions;

namespace Elex.Semantic.Tests;

/// <summary>
/// Guards what the fused router reached (docs/PERFORMANCE.md, "natural" mode): a test fails when
/// natural top-1 falls more than 0.03 below the reported figure or the dev set below 0.98.
/// </summary>
[Collection(ModelCollection.Name)]
public class SemanticRoutingTests(ModelFixture model, ITestOutputHelper output)
{
    private const double NaturalDevTop1 = 0.87;
    private const double HoldoutTop1 = 0.88;

    private static readonly Lazy<string> CacheDir = new(() => Path.Combine(Path.GetTempPath(), "elex-semantic-tests"));

    private FeatureRouter Router(FeatureCatalog catalog) =>
        FeatureRouter.Build(catalog, semantic: FeatureVectorCache.LoadOrBuild(catalog, RoutingGlosses.Embedded, model.Encoder, CacheDir.Value));

    [SharedDataFact]
    public void NaturalDev_Top1_StaysWithin003OfTheReportedFigure_AndConfidentWrongStaysRare()
    {
        var path = Path.Combine(Path.GetDirectoryName(SharedData.CatalogPath)!, "natural-dev.jsonl");
        if (!File.Exists(path)) return;
        var (top1, confidentWrong) = Measure(Router(SharedData.Full!), Load(path));
        output.WriteLine($"natural-dev top-1 {top1:0.000}, confident and wrong {confidentWrong:0.000}");
        Assert.True(top1 >= NaturalDevTop1 - 0.03, $"natural-dev top-1 {top1:0.000}");
        Assert.True(confidentWrong <= 0.05, $"confident and wrong {confidentWrong:0.000}");
    }

    [SharedDataFact]
    public void Holdout_Top1_StaysWithin003OfTheReportedFigure()
    {
        var (top1, confidentWrong) = Measure(Router(SharedData.Full!), Load(Path.Combine(AppContext.BaseDirectory, "data", "natural-holdout.jsonl")));
        output.WriteLine($"holdout top-1 {top1:0.000}, confident and wrong {confidentWrong:0.000}");
        Assert.True(top1 >= HoldoutTop1 - 0.03, $"holdout top-1 {top1:0.000}");
        Assert.True(confidentWrong <= 0.05, $"confident and wrong {confidentWrong:0.000}");
    }

    [SharedDataFact]
    public void DevQuestions_Top1_AtLeast098()
    {
        var questions = Load(SharedData.DevQuestionsPath!).Where((_, i) => i % 3 == 0).ToList();
        var (top1, _) = Measure(Router(SharedData.Full!), questions);
        output.WriteLine($"dev top-1 {top1:0.000} on {questions.Count}");
        Assert.True(top1 >= 0.98, $"dev top-1 {top1:0.000}");
    }

    [Fact]
    public void ExactFacts_SettleWithoutTheModel_AndDescriptionsUseIt()
    {
        var router = Router(SampleCatalog.Load());
        var byCode = router.Route("What is FAJ 121 3094?");
        Assert.False(byCode.UsedSemantic);
        Assert.Equal("FAJ 121 3094", byCode.Feature!.Code.Value);
        var described = router.Route("can an LTE cell fall back from four-branch MIMO to fewer transmit antennas at low load to save power?");
        Assert.True(described.UsedSemantic);
        Assert.Equal("FAJ 121 3094", described.Feature!.Code.Value);
    }

    [Fact]
    public void OffTopicText_MatchesNothing()
    {
        var router = Router(SampleCatalog.Load());
        Assert.Null(router.Route("how do I cook pasta").Best);
        Assert.Null(router.Route("qwzx blorf").Best);
    }

    [SharedDataFact]
    public void FieldWordsForEnDc_ReachLteNrDualConnectivity()
    {
        // "NSA" is everyday talk for non-standalone EN-DC, not NR Soft Admission's acronym.
        var router = Router(SharedData.Full!);
        foreach (var question in new[] { "how do I enable NSA on this eNodeB", "EN-DC setup fails for most UEs, where do I start?", "the 5G icon never shows on NSA phones" })
            Assert.Equal("LTE-NR Dual Connectivity", router.Route(question, 3).Feature?.Name);
    }

    [Fact]
    public void TheRatNamed_OutranksTheOtherRatsSibling()
    {
        var router = Router(SampleCatalog.Load());
        var lte = router.Route("save energy by muting MIMO branches on LTE cells at night", 3);
        var nr = router.Route("save energy by muting MIMO branches on 5G NR cells at night", 3);
        Assert.Equal("FAJ 121 3094", lte.Feature!.Code.Value);
        Assert.Equal("FAJ 121 5094", nr.Feature!.Code.Value);
    }

    [Fact]
    public void AQuestionVectorOfTheWrongLength_IsANamedError()
    {
        var router = Router(SampleCatalog.Load());
        var e = Assert.Throws<ArgumentException>(() => router.Route("x", new float[3], 3));
        Assert.Contains("3 dimensions", e.Message);
    }

    private static (double Top1, double ConfidentWrong) Measure(FeatureRouter router, List<(string Text, string[] Expect)> questions)
    {
        int top1 = 0, confidentWrong = 0;
        foreach (var (text, expect) in questions)
        {
            var r = router.Route(text, 3);
            var right = r.Best is { } b && expect.Contains(b.Feature.Code.Value);
            if (right) top1++;
            else if (r.Confidence >= 0.8f) confidentWrong++;
        }
        return (top1 / (double)questions.Count, confidentWrong / (double)questions.Count);
    }

    private static List<(string Text, string[] Expect)> Load(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            return (doc.RootElement.GetProperty("text").GetString()!, doc.RootElement.GetProperty("expect").EnumerateArray().Select(e => e.GetString()!).ToArray());
        }).ToList();
}
