using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Queries;

namespace Elex.Core.Tests.Agents;

/// <summary>
/// A question that asks for a family of KPIs ("is there a retainability KPI") is answered yes or no for the
/// routed feature, with the counters that measure it and the features that do list one — not with the
/// feature's other KPIs.
/// </summary>
public class KpiFamilyAnswerTests
{
    private static readonly Feature VoiceAggregation = new()
    {
        Code = FeatureCode.Parse("FAJ 121 9001"),
        Name = "Voice Aware Aggregation",
        Acronym = "VAA",
        Kpis = ["downlink throughput", "uplink throughput"],
        Counters =
        [
            new FeatureCounter("EUtranCellFDD", "pmErabRelAbnormalEnbQci"),
            new FeatureCounter("EUtranCellFDD", "pmPdcpVolDlDrb"),
            new FeatureCounter("NRCellCU", "pmDrbRelAbnormalGnb"),
        ],
    };

    private static readonly Feature Barring = new()
    {
        Code = FeatureCode.Parse("FAJ 121 9002"),
        Name = "Load Based Barring",
        Acronym = "LBB",
        Kpis = ["RAB retainability", "accessibility success rate"],
        Counters = [new FeatureCounter("EUtranCellFDD", "pmRrcConnEstabAtt")],
    };

    private static readonly Feature Timer = new()
    {
        Code = FeatureCode.Parse("FAJ 121 9003"),
        Name = "Inactivity Timer Tuning",
        Acronym = "ITT",
        Kpis = ["node retainability"],
    };

    private static readonly FeatureCatalog Catalog = new([VoiceAggregation, Barring, Timer]);

    private static string Ask(Feature f, string text, QueryType type, float confidence = 0.75f) =>
        new FeatureAgent(Catalog, f).Answer(new AnswerContext(text, new Classification(type, Complexity.Simple)) { RouteConfidence = confidence }).Text;

    [Fact]
    public void AFamilyTheFeatureLacks_IsANo_WithItsOwnKpis_TheFeaturesThatHaveOne_AndItsMeasuringCounters()
    {
        var text = Ask(VoiceAggregation, "is there a KPI that shows VoLTE retainability on LTE cells", QueryType.Kpi);
        var lines = text.Split('\n');

        Assert.Equal("No: Voice Aware Aggregation (VAA, FAJ 121 9001) lists no retainability KPI (the KPIs it affects: downlink throughput, uplink throughput).", lines[0]);
        Assert.Equal("Features that list a retainability KPI: Load Based Barring (LBB, FAJ 121 9002), Inactivity Timer Tuning (ITT, FAJ 121 9003).", lines[1]);
        Assert.StartsWith("Its counters that measure retainability: EUtranCellFDD.pmErabRelAbnormalEnbQci", lines[2]);
        // An LTE question leaves the NR counter out; a VoLTE question hears which QCI to read.
        Assert.DoesNotContain("pmDrbRelAbnormalGnb", lines[2]);
        Assert.DoesNotContain("pmPdcpVolDlDrb", lines[2]);
        Assert.Contains("VoLTE speech is QCI 1", lines[2]);
    }

    [Fact]
    public void AFamilyTheFeatureHas_IsAYes_NamingOnlyThoseKpis()
    {
        var text = Ask(Barring, "does LBB have a retainability KPI", QueryType.Kpi);

        Assert.StartsWith("Yes: Load Based Barring lists retainability KPI RAB retainability.", text);
        Assert.DoesNotContain("Features that list", text);
    }

    [Fact]
    public void AFeatureTheQuestionNamed_WhoseCountersMeasureTheFamily_IsNotSentElsewhere()
    {
        var text = Ask(VoiceAggregation, "which KPI shows throughput and drops for VAA", QueryType.Kpi, confidence: 1f);

        Assert.Contains("Yes: Voice Aware Aggregation lists throughput KPIs downlink throughput, uplink throughput.", text);
        Assert.Contains("No: Voice Aware Aggregation (VAA, FAJ 121 9001) lists no retainability KPI", text);
        Assert.DoesNotContain("Features that list", text);
        Assert.Contains("Its counters that measure retainability or throughput: ", text);
    }

    [Fact]
    public void AFamilyNoFeatureLists_IsSaidPlainly()
    {
        var text = Ask(Timer, "is there an availability KPI for ITT", QueryType.Kpi);

        Assert.Contains("No feature in the catalog lists an availability KPI.", text);
    }

    [Fact]
    public void ACounterQuestionAboutAFamily_ListsTheCountersThatMeasureIt()
    {
        var text = Ask(Barring, "which counters show accessibility for LBB", QueryType.Counter);

        Assert.StartsWith("Its counters that measure accessibility: EUtranCellFDD.pmRrcConnEstabAtt.", text);
    }

    [Fact]
    public void AKpiQuestionWithoutAFamily_ListsEveryKpiAsBefore()
    {
        var text = Ask(Barring, "which KPIs does LBB affect", QueryType.Kpi);

        Assert.StartsWith("KPIs Load Based Barring affects: RAB retainability, accessibility success rate.", text);
    }
}
