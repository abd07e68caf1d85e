using Elex.Core.Catalog;

namespace Elex.Core.Tests.Catalog;

public class KpiTextTests
{
    [Theory]
    [InlineData("Increases")]
    [InlineData("Decreases")]
    [InlineData("This KPI might increase.")]
    [InlineData("This KPI is decreased by this feature.")]
    [InlineData("The value can be decreased.")]
    [InlineData("The feature is expected to improve the KPI.")]
    [InlineData("Increases in weak coverage zone.")]
    public void ATrendWithoutAKpi_IsJunk(string entry) =>
        Assert.Equal("says how a KPI changes but names none", KpiText.Judge(entry, out _));

    [Theory]
    [InlineData("EVENT_PARAM_PROC_HO_PREP_OUT_ATTEMPT_CAUSE")]
    [InlineData("pmRrcConnEstabSucc")]
    public void AnIdentifier_IsNotAKpi(string entry) =>
        Assert.Contains("identifier", KpiText.Judge(entry, out _));

    [Theory]
    [InlineData("RAB retainability")]
    [InlineData("downlink throughput")]
    [InlineData("improves retainability")]
    [InlineData("lower throughput")]
    [InlineData("Accessibility KPIs")]
    [InlineData("The feature improves the RACH success rate.")]
    [InlineData("SCG_ Radio_Resource Retainability")]
    public void AnEntryNamingAKpi_IsKeptUnchanged(string entry)
    {
        Assert.Null(KpiText.Judge(entry, out var repaired));
        Assert.Equal(entry, repaired);
    }

    [Theory]
    [InlineData("and retainability", "retainability")]
    [InlineData("to throughput", "throughput")]
    [InlineData("and success rate", "success rate")]
    public void AFragmentOfALongerPhrase_LosesItsDanglingFirstWord(string entry, string expected)
    {
        Assert.Null(KpiText.Judge(entry, out var repaired));
        Assert.Equal(expected, repaired);
    }
}
