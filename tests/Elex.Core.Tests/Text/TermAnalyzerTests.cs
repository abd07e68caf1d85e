using Elex.Core.Text;

namespace Elex.Core.Tests.Text;

public class TermAnalyzerTests
{
    [Fact]
    public void AnalyzeInto_ReusedHolder_HoldsOnlyTheLatestText()
    {
        var reused = new AnalyzedText([], [], []);
        TermAnalyzer.AnalyzeInto("set pmMimoSleepTime on the MIMO Sleep Mode cells", reused);

        TermAnalyzer.AnalyzeInto("carrier aggregation counters", reused);
        var fresh = TermAnalyzer.Analyze("carrier aggregation counters");

        Assert.Equal(fresh.Tokens, reused.Tokens);
        Assert.Equal(fresh.WordTerms, reused.WordTerms);
        Assert.Equal(fresh.IdentifierTerms, reused.IdentifierTerms);
        Assert.DoesNotContain(reused.Tokens, t => t.Text == "pmMimoSleepTime");
    }

    [Fact]
    public void Analyze_IdentifiersAndWords_GoToTheirOwnTerms()
    {
        var analyzed = TermAnalyzer.Analyze("which counters show sleepMode");

        Assert.Contains("sleep", analyzed.IdentifierTerms);
        Assert.DoesNotContain("sleep", analyzed.WordTerms);
        Assert.Equal(4, analyzed.Tokens.Count);
    }
}
