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
        Assert.Contains("1 malformed or too long line(s) skipped", error);
    }

    [Fact]
    public async Task UnknownFormat_IsUsageError()
    {
        var (exit, _, error) = await CliRunner.Run("telemetry", "--export", "xml");
        Assert.Equal(2, exit);
        Assert.Contains("xml", error);
    }
}
