using Elex.Core.Agents;
using Elex.Core.Catalog;

namespace Elex.Core.Tests.Agents;

public class ComparedFeaturesTests
{
    private static readonly FeatureCatalog Sample = SharedData.SampleCatalogInstance;

    private static string[] Codes(string text) => ComparedFeatures.Find(text, Sample).Select(f => f.Code.Value).ToArray();

    [Fact]
    public void ByAcronymAndName_InTheOrderNamed() =>
        Assert.Equal(["FAJ 121 3009", "FAJ 121 3061"], Codes("What is the difference between IFLB and Inter-Frequency Offload?"));

    [Fact]
    public void ANameInsideAnotherNamedFeaturesName_CountsWhereItStandsAlone()
    {
        Assert.Equal(["FAJ 121 3094", "FAJ 121 5094"], Codes("Compare MIMO Sleep Mode with NR Massive MIMO Sleep Mode"));
        Assert.Empty(Codes("compare the NR Massive MIMO Sleep Mode timers"));
    }

    [Theory]
    [InlineData("Which counters show IFLB and IFO are working?")]
    [InlineData("What is the difference between DRX and eDRX?")]
    [InlineData("IFLB vs the old way")]
    public void WithoutACueOrTwoNamedFeatures_NothingIsCompared(string text) => Assert.Empty(Codes(text));

    [Fact]
    public void AnEverydayAbbreviation_CountsOnlyWhereItIsSetAgainstAnother()
    {
        Assert.Equal(["FAJ 121 3046", "FAJ 121 4425"], Codes("compare CA and UCA"));
        Assert.Equal(["FAJ 121 4425", "FAJ 121 3046"], Codes("UCA vs CA: what is the difference?"));
        // "CA" here is the everyday word, not a feature set against UCA.
        Assert.Empty(Codes("what is the difference in CA counters between LTE cells for UCA"));
    }

    [Fact]
    public void ACompatibilityQuestion_ComparesThePair() =>
        Assert.Equal(["FAJ 121 3009", "FAJ 121 3061"], Codes("Is IFLB compatible with Inter-Frequency Offload?"));

    [Fact]
    public void RunningTwoAtTheSameTime_IsACompatibilityQuestion() =>
        Assert.Equal(["FAJ 121 3094", "FAJ 121 3089"], Codes("can MIMO Sleep Mode and Micro Sleep Tx run at the same time?"));

    [Theory]
    [InlineData("does MIMO Sleep Mode conflict with Micro Sleep Tx")]
    [InlineData("how does MIMO Sleep Mode interact with Micro Sleep Tx")]
    public void AConflictOrInteractionQuestion_ComparesThePair(string text) => Assert.Equal(["FAJ 121 3094", "FAJ 121 3089"], Codes(text));

    [Fact]
    public void FeaturesNamedByCode_AreCompared() => Assert.Equal(["FAJ 121 3094", "FAJ 121 5296"], Codes("FAJ 121 3094 versus FAJ 121 5296"));

    // An NR counterpart named by its LTE feature's acronym ("NR ANR"), on a catalog of three.
    private static readonly Feature Anr = new() { Code = FeatureCode.Parse("FAJ 121 9101"), Name = "Automated Neighbor Relations", Acronym = "ANR" };
    private static readonly Feature NrAnr = new() { Code = FeatureCode.Parse("FAJ 121 9102"), Name = "NR Automated Neighbor Relations", Acronym = "NANR" };
    private static readonly Feature Mobility = new() { Code = FeatureCode.Parse("FAJ 121 9103"), Name = "NR Mobility", Acronym = "NM" };
    private static readonly FeatureCatalog Trio = new([Anr, NrAnr, Mobility]);

    [Theory]
    [InlineData("what's the difference between ANR and NR ANR")]
    [InlineData("NR ANR vs ANR: which one do I need on a gNB?")]
    public void AnNrCounterpart_NamedByItsLteFeaturesAcronym_IsCompared(string question)
    {
        var compared = ComparedFeatures.Find(question, Trio);

        Assert.Equal(2, compared.Count);
        Assert.Contains(Anr, compared);
        Assert.Contains(NrAnr, compared);
    }

    [Fact]
    public void TheLteAcronymInsideNrAcronym_IsNotAlsoTheLteFeature()
    {
        // "NR ANR" alone names one feature: no comparison.
        Assert.Empty(ComparedFeatures.Find("is NR ANR better with a short removal timer or a long one?", Trio));
    }

    [Fact]
    public void NamesAndAcronyms_AreFoundInTheOrderTheQuestionUses()
    {
        var compared = ComparedFeatures.Find("compare NR Mobility with Automated Neighbor Relations", Trio);

        Assert.Equal([Mobility, Anr], compared);
    }
}
