using Elex.Core.Catalog;
using Elex.Core.Routing;

namespace Elex.Core.Tests.Routing;

public class LexicalSimilarityTests
{
    private static readonly Lazy<FeatureRouter> Router = new(() => FeatureRouter.Build(SharedData.SampleCatalogInstance));

    private static int Ordinal(string code)
    {
        SharedData.SampleCatalogInstance.TryGetOrdinal(FeatureCode.Parse(code), out var ordinal);
        return ordinal;
    }

    [Fact]
    public void WordsOfAFeature_AreCloserToItThanToAnUnrelatedOne()
    {
        var router = Router.Value;
        const string words = "the antenna sleep counters at night";
        Assert.True(router.LexicalSimilarity(words, Ordinal("FAJ 121 3094")) > router.LexicalSimilarity(words, Ordinal("FAJ 121 3009")) + 0.05f);
    }

    [Fact]
    public void TextWithNoTerms_IsCloseToNothing() => Assert.Equal(0f, Router.Value.LexicalSimilarity("?!", 0));

    [Fact]
    public void BadArguments_AreRefused()
    {
        Assert.Throws<ArgumentNullException>(() => Router.Value.LexicalSimilarity(null!, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Router.Value.LexicalSimilarity("x", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Router.Value.LexicalSimilarity("x", SharedData.SampleCatalogInstance.Count));
    }
}
