using Elex.Core.Catalog;

namespace Elex.Core.Tests.Catalog;

public class FeatureCodeTests
{
    [Theory]
    [InlineData("FAJ 121 3094")]
    [InlineData("faj 121 3094")]
    [InlineData("FAJ1213094")]
    [InlineData("FAJ-121-3094")]
    [InlineData(" FAJ 121  3094 ")]
    public void Parse_AcceptsSpacingAndCase_ReturnsCanonical(string text) =>
        Assert.Equal("FAJ 121 3094", FeatureCode.Parse(text).Value);

    [Theory]
    [InlineData("")]
    [InlineData("FAJ 121 309")]
    [InlineData("FAJ 121 30944")]
    [InlineData("121 3094")]
    [InlineData("FAJX 121 3094")]
    [InlineData("FAJ 12A 3094")]
    public void Parse_Malformed_ThrowsNamingText(string text)
    {
        var e = Assert.Throws<FormatException>(() => FeatureCode.Parse(text));
        Assert.Contains($"'{text}'", e.Message);
    }

    [Fact]
    public void Equality_IsByCanonicalValue() =>
        Assert.Equal(FeatureCode.Parse("faj1213094"), FeatureCode.Parse("FAJ 121 3094"));
}
