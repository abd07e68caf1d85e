using Elex.Core.Text;

namespace Elex.Core.Tests.Text;

public class TokenizerTests
{
    [Theory]
    [InlineData("pmMimoSleepTime", "pm mimo sleep time")]
    [InlineData("Inter-Frequency", "inter frequency")]
    [InlineData("MimoSleepFunction.sleepMode", "mimo sleep function sleep mode")]
    [InlineData("x2retryTimerStart", "x2retry timer start")]
    [InlineData("PDCCHSymbols", "pdcch symbols")]
    [InlineData("SL-RAN", "sl ran")]
    [InlineData("256QAM", "256 qam")]
    [InlineData("64qam", "64 qam")]
    [InlineData("256-QAM", "256 qam")]
    [InlineData("5G", "5g")]
    [InlineData("3GPP", "3gpp")]
    [InlineData("100km", "100km")]
    [InlineData("Inter-eNodeB", "inter enodeb")]
    [InlineData("eNodeBs", "enodebs")]
    [InlineData("gNodeB-side", "gnodeb side")]
    [InlineData("eNodeBFunction", "e node bfunction")]
    public void SubWords_SplitsCamelCaseAndJoiners(string token, string expected) =>
        Assert.Equal(expected, string.Join(' ', Tokenizer.Words(token)));

    [Fact]
    public void NodeWords_AreOneWord_SoNodeAloneDoesNotMeetThem()
    {
        Assert.DoesNotContain("node", Tokenizer.Words("Inter-eNodeB Carrier Aggregation"));
        Assert.DoesNotContain("enodeb", Tokenizer.Words("disable carrier aggregation on node ERBS7"));
    }

    [Fact]
    public void RawTokens_KeepIdentifiersWhole() =>
        Assert.Equal(["set", "MimoSleepFunction.sleepMode", "to", "2", "SL-RAN"], Tokenizer.RawTokens("set MimoSleepFunction.sleepMode to 2, SL-RAN?").Select(t => t.Text));

    [Theory]
    [InlineData("sleepMode", "sleepmode")]
    [InlineData("Sleep_Mode", "sleepmode")]
    [InlineData("FAJ 121 3094", "faj1213094")]
    public void LookupKey_IgnoresCaseAndJoiners(string text, string key) => Assert.Equal(key, Tokenizer.LookupKey(text));

    [Theory]
    [InlineData("balancing", "balance")]
    [InlineData("counters", "counter")]
    [InlineData("aggregation", "aggregate")]
    [InlineData("enabled", "enable")]
    public void Stem_ConflatesVariants(string a, string b) => Assert.Equal(Stemmer.Stem(a), Stemmer.Stem(b));

    [Fact]
    public void Analyze_GlossaryExpandsAbbreviationsInWordsOnly()
    {
        var a = TermAnalyzer.Analyze("UL CA caVlanPortRef");
        Assert.Equal(["uplink", "carrier", Stemmer.Stem("aggregation")], a.WordTerms);
        Assert.Contains("ca", a.IdentifierTerms);
    }
}
