using System.Text.Json;

namespace Elex.Cli.Tests;

/// <summary><c>elex chat</c> with standard input redirected: one question per line, answered in the conversation's context.</summary>
public class ChatCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"elex-cli-chat-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    private static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    // The printed answers, each starting at its echoed question.
    private static List<string> Answers(string output) =>
        output.Split("\n> ", StringSplitOptions.RemoveEmptyEntries).Select(a => a.TrimStart('>', ' ')).ToList();

    [Fact]
    public async Task FollowUp_IsAnsweredAboutTheFeatureInContext_AndSaysSo()
    {
        var (exit, output, error) = await CliRunner.RunWithInput(
            Lines("which counters tell me MSM is actually sleeping?", "and what are the steps to turn it on?", "/quit", "never asked"), "chat");
        Assert.True(exit == 0, error);
        var answers = Answers(output);
        Assert.Equal(2, answers.Count);
        Assert.StartsWith("which counters tell me MSM is actually sleeping?\nMIMO Sleep Mode (MSM, FAJ 121 3094) — agent", answers[0]);
        Assert.DoesNotContain("from the conversation", answers[0]);
        Assert.StartsWith("and what are the steps to turn it on?\n(about MIMO Sleep Mode, from the conversation)\nMIMO Sleep Mode (MSM, FAJ 121 3094) — agent", answers[1]);
        Assert.Contains("FeatureState=CXC4011808 featureState=ACTIVATED", answers[1]);
        Assert.DoesNotContain("never asked", output);
    }

    [Fact]
    public async Task NamingAnotherFeature_SwitchesTheContext_AndResetForgetsIt()
    {
        var (exit, output, error) = await CliRunner.RunWithInput(Lines(
            "what is MIMO Sleep Mode for?",
            "and what does TTI bundling need before I enable it?",
            "/context",
            "which counters show it is working?",
            "/reset",
            "/context"), "chat");
        Assert.True(exit == 0, error);
        var answers = Answers(output);
        Assert.Contains("TTI Bundling (TB, FAJ 121 2051) — agent", answers[1]);
        Assert.DoesNotContain("from the conversation", answers[1]);
        Assert.Contains("In context: TTI Bundling (TB, FAJ 121 2051)", answers[1]);
        Assert.Contains("(about TTI Bundling, from the conversation)\nTTI Bundling (TB, FAJ 121 2051)", answers[2]);
        Assert.Contains("Context cleared", answers[2]);
        Assert.EndsWith("No feature in context yet: ask about one (its name, acronym or FAJ code).\n", output);
    }

    [Fact]
    public async Task Json_PrintsOneObjectPerAnswer_WithTheResolution()
    {
        var (exit, output, error) = await CliRunner.RunWithInput(Lines("tell me about MIMO Sleep Mode", "does it need a licence?"), "chat", "--json");
        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.False(lines[0].GetProperty("resolvedFromContext").GetBoolean());
        Assert.Equal(["FAJ 121 3094"], lines[0].GetProperty("namedFeatures").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(lines[0].GetProperty("contextFeatures").EnumerateArray());
        Assert.True(lines[1].GetProperty("resolvedFromContext").GetBoolean());
        Assert.Equal("FAJ 121 3094", lines[1].GetProperty("featureCode").GetString());
        Assert.Equal(["FAJ 121 3094"], lines[1].GetProperty("contextFeatures").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ResponseIdsOfAChat_WorkWithElexFeedbackAfterwards_AndSlashGoodRatesInTheChat()
    {
        var (exit, output, error) = await CliRunner.RunWithInput(Lines("tell me about MIMO Sleep Mode", "/good", "and its counters?"), "chat", "--data", _data);
        Assert.True(exit == 0, error);
        Assert.Contains("agent-FAJ_121_3094 learned reward 1", output);
        var followUpId = System.Text.RegularExpressions.Regex.Matches(output, @"Response id (r-[0-9a-f]+-[0-9a-f]+)")[^1].Groups[1].Value;
        var (feedbackExit, feedbackOutput, feedbackError) = await CliRunner.Run("feedback", followUpId, "--reward", "1", "--success", "--data", _data);
        Assert.True(feedbackExit == 0, feedbackError);
        Assert.Contains("agent-FAJ_121_3094 learned reward 1", feedbackOutput);
        // A follow-up's words name no feature: correcting it teaches the router nothing, and says why.
        var (correctExit, _, correctError) = await CliRunner.Run("feedback", followUpId, "--correct", "FAJ 121 3009", "--data", _data);
        Assert.Equal(2, correctExit);
        Assert.Contains("follow-up", correctError);
    }

    [Fact]
    public async Task SlashCommandMistakes_AreReportedAndTheChatGoesOn()
    {
        var (exit, output, error) = await CliRunner.RunWithInput(Lines("/bad", "/correct FAJ 121 3009", "/frobnicate", "", "what is MSM?", "/correct"), "chat");
        Assert.True(exit == 0, error);
        Assert.Contains("nothing to rate yet", error);
        Assert.Contains("nothing to correct yet", error);
        Assert.Contains("unknown command '/frobnicate'; /help lists the commands", error);
        Assert.Contains("/correct needs the feature code", error);
        Assert.Contains("MIMO Sleep Mode (MSM, FAJ 121 3094) — agent", output);
    }

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        var (exit, output, _) = await CliRunner.RunWithInput(Lines("/help"), "chat");
        Assert.Equal(0, exit);
        foreach (var command in new[] { "/context", "/reset", "/good", "/correct", "/quit" }) Assert.Contains(command, output);
    }

    [Fact]
    public async Task UnknownOption_IsAUsageError()
    {
        var (exit, _, error) = await CliRunner.Run("chat", "--jsonl");
        Assert.Equal(2, exit);
        Assert.Contains("--jsonl", error);
    }
}
