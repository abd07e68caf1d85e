using Elex.Core.Catalog;
using Elex.Core.Routing;

namespace Elex.Core.Tests.Routing;

public class FeatureFamiliesTests
{
    private static readonly FeatureCatalog Sample = SharedData.SampleCatalogInstance;
    private static readonly FeatureFamilies Families = new(Sample);

    private static string[] Family(string code)
    {
        Assert.True(Sample.TryGetOrdinal(FeatureCode.Parse(code), out var ordinal));
        return Families.Of(ordinal).Select(o => Sample[o].Code.Value).ToArray();
    }

    [Fact]
    public void AParentsFamily_HoldsTheFeaturesWhoseNameHoldsItsWholeName()
    {
        Assert.Contains("FAJ 121 5036", Family("FAJ 121 3009"));              // Accelerated Inter-Frequency Load Balancing
        Assert.Contains("FAJ 121 5296", Family("FAJ 121 3094"));              // LTE AI Powered MIMO Sleep Mode
        Assert.Contains("FAJ 121 5094", Family("FAJ 121 3094"));              // NR Massive MIMO Sleep Mode
        Assert.DoesNotContain("FAJ 121 3009", Family("FAJ 121 5036"));         // not the other way round
    }

    [Fact]
    public void AOneWordName_HasNoFamilyByName()
    {
        // "Scheduler" is a word of many names; it names no family.
        Assert.DoesNotContain("FAJ 121 5090", Family("FAJ 121 1447"));
    }
}
