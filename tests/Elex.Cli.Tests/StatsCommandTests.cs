namespace Elex.Cli.Tests;

public class StatsCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"elex-cli-stats-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Stats_ShowWhatEarlierRunsLearned()
    {
        Assert.Equal(0, (await CliRunner.Run("ask", "--data", _data, "what is MSM?")).Exit);
        Assert.Equal(0, (await CliRunner.Run("ask", "--data", _data, "MSM counters")).Exit);
        var (exit, output, _) = await CliRunner.Run("stats", "--data", _data);
        Assert.Equal(0, exit);
        Assert.Contains("with history 1; interactions 2, successes 2", output);
        Assert.Contains("FAJ 121 3094", output);

        var (agentExit, agentOutput, _) = await CliRunner.Run("stats", "--data", _data, "--agent", "FAJ 121 3094");
        Assert.Equal(0, agentExit);
        Assert.Contains("interactions 2, successes 2", agentOutput);
        Assert.Matches(@"avg latency \d+(\.\d+)? (ms|s),", agentOutput);
        Assert.DoesNotContain("µs", agentOutput);
    }

    [Fact]
    public async Task Stats_UnknownAgent_IsUsageError()
    {
        var (exit, _, error) = await CliRunner.Run("stats", "--data", _data, "--agent", "FAJ 999 9999");
        Assert.Equal(2, exit);
        Assert.Contains("FAJ 999 9999", error);
    }

    [Fact]
    public async Task UnusableDataDirectory_ExitsFourWithMessage()
    {
        var file = Path.Combine(Path.GetTempPath(), $"elex-not-a-dir-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, "x");
        try
        {
            var (exit, _, error) = await CliRunner.Run("ask", "--data", file, "what is MSM?");
            Assert.Equal(4, exit);
            Assert.Contains(file, error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
