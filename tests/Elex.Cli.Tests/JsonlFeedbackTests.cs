using System.Text.Json;

namespace Elex.Cli.Tests;

public class JsonlFeedbackTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"elex-jsonl-fb-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    private static JsonElement[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();

    [Fact]
    public async Task FeedbackLines_AreAcknowledgedInOrder_AndBadOnesSayWhy()
    {
        var (_, first, _) = await CliRunner.RunWithInput("""{"id":"q","text":"which counters show MSM is working?"}""" + "\n", "ask", "--jsonl", "--data", _data);
        var responseId = Lines(first)[0].GetProperty("responseId").GetString();
        var input = string.Join('\n',
            JsonSerializer.Serialize(new { id = "ok", feedback = new { responseId, reward = 1, success = true } }),
            """{"id":"agent","feedback":{"agent":"FAJ 121 3094","reward":-0.5}}""",
            """{"id":"unknown","feedback":{"responseId":"r-nope-1","reward":1}}""",
            """{"id":"range","feedback":{"agent":"FAJ 121 3094","reward":7}}""",
            """{"id":"both","feedback":{"agent":"FAJ 121 3094","responseId":"r-1","reward":1}}""",
            """{"id":"noreward","feedback":{"agent":"FAJ 121 3094"}}""") + "\n";
        var (exit, output, _) = await CliRunner.RunWithInput(input, "ask", "--jsonl", "--data", _data);
        Assert.Equal(0, exit);
        var lines = Lines(output);
        Assert.Equal(["ok", "agent", "unknown", "range", "both", "noreward"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal("Applied", lines[0].GetProperty("feedback").GetString());
        Assert.True(lines[0].GetProperty("durable").GetBoolean());
        Assert.Equal("agent-FAJ_121_3094", lines[0].GetProperty("agentId").GetString());
        Assert.Equal("Applied", lines[1].GetProperty("feedback").GetString());
        // The agent's last answer is the response rated on the line before: its rating is replaced, not added.
        Assert.True(lines[1].GetProperty("replaced").GetBoolean());
        Assert.False(lines[0].GetProperty("replaced").GetBoolean());
        Assert.Equal(responseId, lines[1].GetProperty("responseId").GetString());
        Assert.False(lines[1].GetProperty("success").GetBoolean());
        Assert.Equal("UnknownResponse", lines[2].GetProperty("feedback").GetString());
        Assert.False(lines[2].GetProperty("durable").GetBoolean());
        Assert.Equal("InvalidReward", lines[3].GetProperty("feedback").GetString());
        Assert.Contains("either \"responseId\" or \"agent\"", lines[4].GetProperty("error").GetString());
        Assert.Contains("feedback.reward", lines[5].GetProperty("error").GetString());

        var (_, stats, _) = await CliRunner.Run("stats", "--agent", "FAJ 121 3094", "--data", _data);
        Assert.Contains("feedback learned 1", stats);
        Assert.Contains("successes 0 (0 %), rated 1 (1 unsuccessful)", stats);
    }

    [Theory]
    [InlineData(1, null, true)]
    [InlineData(0.5, null, true)]
    [InlineData(0, null, false)]
    [InlineData(-1, null, false)]
    [InlineData(1, false, false)]
    public async Task AFeedbackLineWithoutSuccess_TakesItFromTheReward(double reward, bool? success, bool expected)
    {
        var (_, first, _) = await CliRunner.RunWithInput("""{"id":"q","text":"which counters show MSM is working?"}""" + "\n", "ask", "--jsonl", "--data", _data);
        var responseId = Lines(first)[0].GetProperty("responseId").GetString();
        var feedback = success is null ? JsonSerializer.Serialize(new { feedback = new { responseId, reward } }) : JsonSerializer.Serialize(new { feedback = new { responseId, reward, success } });
        var (_, output, _) = await CliRunner.RunWithInput(feedback + "\n", "ask", "--jsonl", "--data", _data);
        Assert.Equal(expected, Lines(output)[0].GetProperty("success").GetBoolean());
    }
}
