using Elex.Core.Agents;
using Elex.Core.Text;

namespace Elex.Core.Tests.Agents;

public class QuestionTermsTests
{
    [Fact]
    public void LookupKeys_CountAnMoQualifiedNameByItsAttribute_AndMeetAcrossSpellings()
    {
        var keys = QuestionTerms.LookupKeysOf("is MimoSleepFunction.sleepMode or sleep_mode set on cell-7?");
        Assert.Contains(Tokenizer.LookupKey("sleepMode"), keys);
        Assert.DoesNotContain("mimosleepfunctionsleepmode", keys);
        Assert.Contains("cell7", keys);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void LookupKeys_AreTheSharedStrings_SoTheSameQuestionTwiceMakesNoNewKeyStrings()
    {
        var first = QuestionTerms.LookupKeysOf("read pmMimoSleepTime on the cell");
        var second = QuestionTerms.LookupKeysOf("read pmMimoSleepTime on the cell");
        var key = Tokenizer.LookupKey("pmMimoSleepTime");
        Assert.True(first.TryGetValue(key, out var a) && second.TryGetValue(key, out var b) && ReferenceEquals(a, b));
    }

    [Fact]
    public void Terms_AreTheAnalyzersTerms_AsASet()
    {
        const string question = "Which counters show the MIMO sleep mode is working at night?";
        Assert.True(QuestionTerms.Of(question).SetEquals(TermAnalyzer.Terms(question)));
        // The per-thread working list does not leak one question's terms into the next.
        Assert.True(QuestionTerms.Of("carrier aggregation").SetEquals(TermAnalyzer.Terms("carrier aggregation")));
    }

    [Fact]
    public void WithAnalysis_ReadsTheWholeAnalysisOfEachQuestion()
    {
        var words = QuestionTerms.WithAnalysis("set sleepMode on LTE cells", a => (a.WordTerms.ToArray(), a.IdentifierTerms.ToArray()));
        Assert.Equal(TermAnalyzer.Analyze("set sleepMode on LTE cells").WordTerms, words.Item1);
        Assert.NotEmpty(words.Item2);
        var next = QuestionTerms.WithAnalysis("carrier aggregation", a => a.IdentifierTerms.Count);
        Assert.Equal(0, next);
    }
}
