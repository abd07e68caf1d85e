using Elex.Core.Text;

namespace Elex.Core.Tests.Text;

public class DataSpeedTests
{
    [Theory]
    [InlineData("which feature could help with slow uplink speeds")]
    [InlineData("poor DL speed on the new carrier")]
    [InlineData("data speeds are low")]
    public void SpeedAfterALinkOrDataWord_IsReadAsThroughput(string question)
    {
        var terms = TermAnalyzer.Analyze(question).WordTerms;
        Assert.Contains(Stemmer.Stem("throughput"), terms);
        Assert.DoesNotContain(Stemmer.Stem("speed"), terms);
    }

    [Theory]
    [InlineData("which feature supports UEs on high speed trains")]
    [InlineData("what is the maximum UE speed for high-band")]
    public void SpeedOfAMovingUe_StaysSpeed(string question)
    {
        var terms = TermAnalyzer.Analyze(question).WordTerms;
        Assert.Contains(Stemmer.Stem("speed"), terms);
        Assert.DoesNotContain(Stemmer.Stem("throughput"), terms);
    }

    [Fact]
    public void DownloadBeforeARate_IsTheDownlink_ButDownloadingFirmwareIsNot()
    {
        Assert.Contains(Stemmer.Stem("downlink"), TermAnalyzer.Analyze("poor download speeds in the evening").WordTerms);
        Assert.Contains(Stemmer.Stem("uplink"), TermAnalyzer.Analyze("upload rate is capped").WordTerms);
        var firmware = TermAnalyzer.Analyze("how do I download firmware to the antenna").WordTerms;
        Assert.Contains(Stemmer.Stem("download"), firmware);
        Assert.DoesNotContain(Stemmer.Stem("downlink"), firmware);
    }
}
