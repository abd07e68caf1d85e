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
    public void FeaturesNamedByCode_AreCompared() => Assert.Equal(["FAJ 121 3094", "FAJ 121 5296"], Codes("FAJ 121 3094 versus FAJ 121 5296"));
}
