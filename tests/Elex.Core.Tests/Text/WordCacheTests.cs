using Elex.Core.Text;

namespace Elex.Core.Tests.Text;

public class WordCacheTests
{
    [Fact]
    public void TheSameWord_IsOneString_WhereverItComesFrom()
    {
        var first = WordCache.Of("sleepMode is set".AsSpan(0, 9));
        var second = WordCache.Of("set the sleepMode".AsSpan(8));

        Assert.Equal("sleepMode", first);
        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("VoLTE", "volte")]
    [InlineData("MIMO", "mimo")]
    [InlineData("carrier", "carrier")]
    public void LowerOf_IsTheInvariantLowerCase_Shared(string word, string expected)
    {
        Assert.Equal(expected, WordCache.LowerOf(word));
        Assert.Same(WordCache.LowerOf(word), WordCache.LowerOf(word.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("counters")]
    [InlineData("activation")]
    [InlineData("handovers")]
    [InlineData("pm")]
    public void StemOf_IsTheStemmersStem(string word) =>
        Assert.Equal(Stemmer.Stem(word), WordCache.StemOf(word));

    [Fact]
    public void Tokenising_TwiceGivesTheSameStrings()
    {
        var a = TermAnalyzer.Analyze("Which counters show MSM is working?");
        var b = TermAnalyzer.Analyze("which COUNTERS show msm is working");

        Assert.Equal(a.WordTerms, b.WordTerms);
        Assert.All(a.WordTerms.Zip(b.WordTerms), pair => Assert.Same(pair.First, pair.Second));
    }
}
