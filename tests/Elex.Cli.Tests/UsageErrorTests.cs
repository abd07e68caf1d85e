using System.Text.Json;

namespace Elex.Cli.Tests;

/// <summary>Unusable command lines: exit code 2 (3 for a catalog, 5 for safe zones) and one line that names what was wrong.</summary>
public class UsageErrorTests
{
    private static string OneLine(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        return lines[0];
    }

    [Fact]
    public async Task AnUnknownFlag_IsNamedAsAFlag_WithTheFlagsTheCommandAccepts()
    {
        var (exit, output, error) = await CliRunner.Run("ask", "--foo", "what is ANR?");
        Assert.Equal(2, exit);
        Assert.Empty(output);
        var line = OneLine(error);
        Assert.StartsWith("elex ask: unknown option '--foo'; ask accepts --jsonl, --json, --type, --complexity, --max-agents", line);
        Assert.Contains("--catalog, --data, --safe-zones", line);
        Assert.DoesNotContain("what is ANR?", line);
    }

    [Fact]
    public async Task AnUnknownFlagAfterTheQuestion_IsNamedToo()
    {
        var (exit, _, error) = await CliRunner.Run("stats", "--agnet", "FAJ 121 3094");
        Assert.Equal(2, exit);
        Assert.Contains("elex stats: unknown option '--agnet'; stats accepts --agent, --top", OneLine(error));
    }

    [Theory]
    [InlineData("--type", "Foo", "--type 'Foo' is not one of Parameter, Counter, Kpi, Procedure, Troubleshoot, General.")]
    [InlineData("--complexity", "2", "--complexity '2' is not one of Simple, Moderate, Complex.")]
    [InlineData("--max-agents", "none", "--max-agents 'none' is not a whole number of at least 1.")]
    public async Task AnInvalidValue_ListsTheValidOnes_WithoutInternalTypeNames(string option, string value, string message)
    {
        var (exit, _, error) = await CliRunner.Run("ask", option, value, "what is ANR?");
        Assert.Equal(2, exit);
        var line = OneLine(error);
        Assert.Equal($"elex ask: {message}", line);
        Assert.DoesNotContain("Elex.", line);
        Assert.DoesNotContain("System.", line);
    }

    [Theory]
    [InlineData("abc", "--reward 'abc' is not a number; give one in [-1, 1].")]
    [InlineData("3", "--reward 3 is outside [-1, 1].")]
    public async Task ABadReward_IsRefusedBeforeAnythingIsLoaded(string reward, string message)
    {
        var (exit, _, error) = await CliRunner.Run("feedback", "r-1", "--reward", reward);
        Assert.Equal(2, exit);
        Assert.Equal($"elex feedback: {message}", OneLine(error));
    }

    [Fact]
    public async Task AnUnknownCommand_ListsTheCommands()
    {
        var (exit, _, error) = await CliRunner.Run("aks", "what is ANR?");
        Assert.Equal(2, exit);
        Assert.StartsWith("elex: unknown command 'aks'; the commands are ask, chat, catalog, stats, feedback", OneLine(error));
    }

    [Fact]
    public async Task AnUnquotedQuestion_SaysToQuoteIt()
    {
        var (exit, _, error) = await CliRunner.Run("ask", "what", "is", "ANR?");
        Assert.Equal(2, exit);
        Assert.Contains("unexpected arguments 'is' 'ANR?'; put a question in one pair of quotes", OneLine(error));
    }

    [Fact]
    public async Task ADirectoryAsCatalog_SaysItIsADirectory()
    {
        var (exit, _, error) = await CliRunner.Run("ask", "--catalog", Path.GetTempPath(), "what is ANR?");
        Assert.Equal(3, exit);
        var line = OneLine(error);
        Assert.Contains("is a directory; give the path of a catalog file", line);
        Assert.DoesNotContain("denied", line);
    }

    [Fact]
    public async Task ADirectoryAsSafeZones_SaysItIsADirectory()
    {
        var (exit, _, error) = await CliRunner.Run("safe-zones", "--safe-zones", Path.GetTempPath());
        Assert.Equal(5, exit);
        Assert.Contains("is a directory; give the path of a safe-zone file", OneLine(error));
    }

    [Fact]
    public async Task ADirectoryAsTrustFile_SaysItIsADirectory()
    {
        var (exit, _, error) = await CliRunner.Run("sync", "--relay", "ws://127.0.0.1:1/sync", "--trust", Path.GetTempPath());
        Assert.Equal(2, exit);
        Assert.Contains("is a directory; give the path of a trust file", OneLine(error));
    }

    [Fact]
    public async Task AQuestionOverTheLimit_IsRefused_WithNoAnswer()
    {
        var question = "what is ANR? " + new string('x', 4_001);
        var (exit, output, error) = await CliRunner.Run("ask", question);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Equal("elex ask: the question is 4,014 characters; a question may have at most 4,000 — ask about one thing at a time.", OneLine(error));
    }

    [Fact]
    public async Task AQuestionOfExactlyTheLimit_IsAnswered()
    {
        var question = "what is ANR?" + new string(' ', 4_000 - 12);
        var (exit, output, _) = await CliRunner.Run("ask", question);
        Assert.Equal(0, exit);
        Assert.Contains("FAJ 121 0497", output);
    }

    [Fact]
    public async Task Jsonl_AQuestionOverTheLimit_GetsAnErrorLine_AndTheNextLineIsAnswered()
    {
        var input = JsonSerializer.Serialize(new { id = "big", text = new string('a', 1_000_000) }) + "\n" + """{"id":"ok","text":"what is ANR?"}""" + "\n";
        var (exit, output, _) = await CliRunner.RunWithInput(input, "ask", "--jsonl");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.True(output.IndexOf('\n') < 500, $"the error line is {output.IndexOf('\n')} characters");
        Assert.Equal("big", lines[0].GetProperty("id").GetString());
        Assert.Equal(1, lines[0].GetProperty("line").GetInt32());
        Assert.Equal("Error", lines[0].GetProperty("status").GetString());
        Assert.StartsWith("\"text\" is 1,000,000 characters; a question may have at most 4,000", lines[0].GetProperty("error").GetString());
        Assert.Equal("Answered", lines[1].GetProperty("status").GetString());
        Assert.Equal("FAJ 121 0497", lines[1].GetProperty("featureCode").GetString());
    }
}
