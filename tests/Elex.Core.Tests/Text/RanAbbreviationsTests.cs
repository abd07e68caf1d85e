using Elex.Core.Text;

namespace Elex.Core.Tests.Text;

public class RanAbbreviationsTests
{
    [Theory]
    [InlineData("SRVCC to 2G/GSM fails", "SRVCC (single radio voice call continuity) to 2G (GERAN)/GSM (GERAN) fails")]
    [InlineData("How do I activate EN-DC?", "How do I activate EN-DC (LTE-NR dual connectivity)?")]
    [InlineData("fallback to WCDMA", "fallback to WCDMA (UTRAN)")]
    [InlineData("5G NSA: SgNB addition fails", "5G NSA (non-standalone, LTE-NR dual connectivity): SgNB (secondary gNodeB) addition fails")]
    [InlineData("can DL CoMP run with CA?", "can DL CoMP (coordinated multi-point) run with CA?")]
    [InlineData("nothing to expand here", "nothing to expand here")]
    public void Expand_SpellsOutWrittenAbbreviationsBesideThem(string question, string expected) =>
        Assert.Equal(expected, RanAbbreviations.Expand(question));

    [Fact]
    public void Expand_LeavesLowerCaseWordsAlone()
    {
        // Abbreviations count only when written with capitals or digits; in lower case they may be ordinary words.
        Assert.Equal("the anr feature", RanAbbreviations.Expand("the anr feature"));
    }
}
