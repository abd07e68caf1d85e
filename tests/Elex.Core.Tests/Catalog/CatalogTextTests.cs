using Elex.Core.Catalog;

namespace Elex.Core.Tests.Catalog;

public class CatalogTextTests
{
    [Theory]
    [InlineData("downlink cell      throughput", "downlink cell throughput")]
    [InlineData("  uplink\tthroughput\n", "uplink throughput")]
    [InlineData("MSG1 success\u00A0\u00A0rate", "MSG1 success rate")]
    [InlineData("a\r\nb", "a b")]
    [InlineData("  padded  ", "padded")]
    public void Normalize_CollapsesEveryWhitespaceRunAndTrims(string raw, string expected) =>
        Assert.Equal(expected, CatalogText.Normalize(raw));

    [Fact]
    public void Normalize_CleanText_IsReturnedAsIs()
    {
        const string clean = "RAB retainability";
        Assert.Same(clean, CatalogText.Normalize(clean));
    }

    [Theory]
    [InlineData("cell   throughput", true)]
    [InlineData("cell\tthroughput", true)]
    [InlineData("cell throughput", false)]
    [InlineData("  cell throughput  ", false)]
    public void HasInnerWhitespaceRuns_IgnoresPaddingAtTheEnds(string text, bool expected) =>
        Assert.Equal(expected, CatalogText.HasInnerWhitespaceRuns(text));
}
