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
    public async Task ASmallerCatalog_WarnsOnceAboutTheStoredAgentsItLacks_AndTheirStateIsKept()
    {
        foreach (var question in new[] { "what is MSM?", "what is IFLB?", "what is ANR?" })
            Assert.Equal(0, (await CliRunner.Run("ask", "--data", _data, question)).Exit);
        using var tiny = new TempFile("""{"schema":"elex-catalog/1","features":[{"code":"FAJ 121 9999","name":"Test Feature Alpha","acronym":"TFA"}]}""");

        var (exit, _, error) = await CliRunner.Run("stats", "--data", _data, "--catalog", tiny.Path);
        Assert.Equal(0, exit);
        var warnings = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("stored agent", StringComparison.Ordinal)).ToList();
        Assert.Equal("elex: warning: 3 stored agents are not in the loaded catalog (FAJ 121 0497, FAJ 121 3009, FAJ 121 3094); their state is kept in the store", Assert.Single(warnings).TrimEnd('\r'));

        var (_, output, _) = await CliRunner.Run("stats", "--data", _data);
        Assert.Contains("with history 3; interactions 3, successes 3", output);
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
