using System.Text.Json;

namespace Elex.Cli.Tests;

public class FeedbackCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"elex-cli-feedback-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    private async Task<string> AskForResponseId(string question)
    {
        var (exit, output, _) = await CliRunner.Run("ask", "--json", "--data", _data, question);
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.GetProperty("responseId").GetString()!;
    }

    [Fact]
    public async Task Feedback_OnAnEarlierRunsResponse_IsLearned()
    {
        var responseId = await AskForResponseId("Which counters show MSM is working?");
        var (exit, output, error) = await CliRunner.Run("feedback", responseId, "--reward", "1", "--success", "--data", _data);
        Assert.True(exit == 0, error);
        Assert.Contains("agent-FAJ_121_3094 learned reward 1", output);
    }

    [Fact]
    public async Task FourAnswersRatedWrong_ShowNoSuccess_AndTheLifecycleItHas()
    {
        for (var i = 0; i < 4; i++)
        {
            var responseId = await AskForResponseId("Which counters show MSM is working?");
            var (exit, output, error) = await CliRunner.Run("feedback", responseId, "--reward", "-1", "--data", _data);
            Assert.True(exit == 0, error);
            Assert.Contains("the answer counts as unsuccessful", output);
            Assert.Contains("agent-FAJ_121_3094: lifecycle ColdStart, 0 of", output);
            Assert.DoesNotContain("Offline", output);
        }
        var (_, stats, _) = await CliRunner.Run("stats", "--agent", "FAJ 121 3094", "--data", _data);
        Assert.Contains("interactions 4, successes 0 (0 %), rated 4 (4 unsuccessful)", stats);
        Assert.Contains("feedback learned 4", stats);
    }

    [Fact]
    public async Task OneResponseRatedAgain_ReplacesItsRating_AndSaysSo()
    {
        var responseId = await AskForResponseId("Which counters show MSM is working?");
        await CliRunner.Run("feedback", responseId, "--reward", "-1", "--data", _data);
        var (exit, output, _) = await CliRunner.Run("feedback", responseId, "--reward", "1", "--data", _data);
        Assert.Equal(0, exit);
        Assert.Contains($"replacing the earlier rating of {responseId} (reward -1): one rating per response; the answer counts as a success.", output);
        Assert.Contains("1 of 1 answers successful (100 %), 1 rated (0 unsuccessful)", output);
        var (_, stats, _) = await CliRunner.Run("stats", "--agent", "FAJ 121 3094", "--data", _data);
        Assert.Contains("feedback learned 1", stats);
    }

    [Fact]
    public async Task SuccessFalse_WithAPositiveReward_IsNotASuccess()
    {
        var responseId = await AskForResponseId("Which counters show MSM is working?");
        var (exit, output, _) = await CliRunner.Run("feedback", responseId, "--reward", "0.5", "--success", "false", "--data", _data);
        Assert.Equal(0, exit);
        Assert.Contains("the answer counts as unsuccessful", output);
    }

    [Fact]
    public async Task Correct_TeachesTheRouter_AndTheNextRunRoutesTheQuestionThere()
    {
        const string question = "the second carrier sits idle while the first one is full";
        var responseId = await AskForResponseId(question);
        var (exit, output, error) = await CliRunner.Run("feedback", responseId, "--correct", "FAJ 121 3009", "--data", _data);
        Assert.True(exit == 0, error);
        Assert.Contains("Inter-Frequency Load Balancing (IFLB, FAJ 121 3009)", output);
        Assert.Contains("1 learned route(s)", output);
        var (_, json, _) = await CliRunner.Run("ask", "--json", "--data", _data, question);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("FAJ 121 3009", doc.RootElement.GetProperty("featureCode").GetString());
    }

    [Fact]
    public async Task Correct_WithAnUnknownCode_OrWithoutAResponse_FailsSayingWhy()
    {
        var responseId = await AskForResponseId("what is IFLB?");
        var (exit, _, error) = await CliRunner.Run("feedback", responseId, "--correct", "FAJ 999 9999", "--data", _data);
        Assert.Equal(2, exit);
        Assert.Contains("FAJ 999 9999", error);
        (exit, _, error) = await CliRunner.Run("feedback", "--agent", "FAJ 121 3009", "--correct", "FAJ 121 3094", "--data", _data);
        Assert.NotEqual(0, exit);
        Assert.Contains("--correct", error);
        (exit, _, error) = await CliRunner.Run("feedback", responseId, "--data", _data);
        Assert.NotEqual(0, exit);
        Assert.Contains("--reward", error);
    }

    [Fact]
    public async Task Feedback_ByAgent_IsLearned()
    {
        await AskForResponseId("what is IFLB?");
        var (exit, output, _) = await CliRunner.Run("feedback", "--agent", "FAJ 121 3009", "--reward", "-0.5", "--data", _data);
        Assert.Equal(0, exit);
        Assert.Contains("agent-FAJ_121_3009 learned reward -0.5", output);
    }

    [Theory]
    [InlineData("r-nope", "1", "No response 'r-nope'")]
    [InlineData("r-nope", "3", "outside [-1, 1]")]
    public async Task BadFeedback_ExitsTwoSayingWhy(string responseId, string reward, string message)
    {
        var (exit, _, error) = await CliRunner.Run("feedback", responseId, "--reward", reward, "--data", _data);
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task Feedback_WithoutReward_IsUsageError()
    {
        var (exit, _, error) = await CliRunner.Run("feedback", "r-1", "--data", _data);
        Assert.Equal(2, exit);
        Assert.Contains("--reward", error);
    }
}
