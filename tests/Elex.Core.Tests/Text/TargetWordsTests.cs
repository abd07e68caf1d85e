using Elex.Core.Text;

namespace Elex.Core.Tests.Text;

public class TargetWordsTests
{
    [Theory]
    [InlineData("is carrier aggregation licensed on a node", "node")]
    [InlineData("disable carrier aggregation on node ERBS7", "node")]
    [InlineData("check it on each site and report", "site")]
    public void APlaceAfterALocatingWord_IsATarget(string question, string place) => Assert.True(IsTarget(question, place));

    [Theory]
    [InlineData("set sleepMode to 2 on cell X", "cell")]
    [InlineData("how do I enable NSA on this eNodeB", "eNodeB")]
    [InlineData("is it active at the site level", "site")]
    [InlineData("carrier aggregation across two nodes", "nodes")]
    [InlineData("which node parameters control it", "node")]
    public void APlaceThatIsPartOfWhatIsAsked_IsNot(string question, string place) => Assert.False(IsTarget(question, place));

    [Fact]
    public void AQuestionsTerms_LeaveOutTheTarget_ButKeepTheTopic()
    {
        var analyzed = TermAnalyzer.Analyze("disable carrier aggregation on node ERBS7");
        Assert.DoesNotContain(Stemmer.Stem("node"), analyzed.WordTerms);
        Assert.Contains(Stemmer.Stem("aggregation"), analyzed.WordTerms);
        Assert.Contains(Stemmer.Stem("node"), TermAnalyzer.Analyze("UEs drop when the node restarts").WordTerms);
    }

    private static bool IsTarget(string question, string place)
    {
        var tokens = Tokenizer.RawTokens(question);
        var at = tokens.FindIndex(t => t.Text == place);
        Assert.True(at >= 0, $"'{place}' is not a token of '{question}'");
        return TargetWords.IsTarget(tokens, at);
    }
}
