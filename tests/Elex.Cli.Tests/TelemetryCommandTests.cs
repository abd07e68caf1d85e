using System.Text.Json;

namespace Elex.Cli.Tests;

public class TelemetryCommandTests
{
    [Fact]
    public async Task ExportJson_OneMetricPerQuestion()
    {
        var input = "what is MSM?\n{\"id\":\"q2\",\"text\":\"IFLB counters\"}\n{ not json\n\n";
        var (exit, output, error) = await CliRunner.RunWithInput(input, "telemetry", "--export", "json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(2, doc.RootElement.GetProperty("count").GetInt32());
        Assert.Equal("FAJ 121 3094", doc.RootElement.GetProperty("metrics")[0].GetProperty("featureCode").GetString());
        Assert.Contains("2 queries", error);
        Assert.Contains("1 malformed, too long or unapplied line(s) skipped", error);
    }

    [Fact]
    public async Task AnAnswerRatedWrong_IsNoSuccess_InTheExport_AndEachMetricNamesItsQuery()
    {
        var input = """
            {"id":"q1","text":"what is MSM?"}
            {"feedback":{"agent":"FAJ 121 3094","reward":-1}}
            {"id":"q2","text":"IFLB counters"}
            """;
        var (exit, output, error) = await CliRunner.RunWithInput(input + "\n", "telemetry", "--export", "json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var metrics = doc.RootElement.GetProperty("metrics");
        Assert.Equal(["q1", "q2"], metrics.EnumerateArray().Select(m => m.GetProperty("queryId").GetString()));
        Assert.Equal([false, true], metrics.EnumerateArray().Select(m => m.GetProperty("success").GetBoolean()));
        Assert.All(metrics.EnumerateArray(), m => Assert.StartsWith("r-", m.GetProperty("responseId").GetString()));
        Assert.Contains("success 50 %, 1 rating(s) applied", error);
        Assert.Matches(@"P50 \d+(\.\d+)? (ms|s), P95", error);
    }

    [Fact]
    public async Task UnknownFormat_IsUsageError()
    {
        var (exit, _, error) = await CliRunner.Run("telemetry", "--export", "xml");
        Assert.Equal(2, exit);
        Assert.Contains("xml", error);
    }
}
