using System.Text.Json;

namespace Elex.Cli.Tests;

public class AskCommandTests
{
    [Fact]
    public async Task Ask_PrintsAgentConfidenceAndAnswer()
    {
        var (exit, output, err) = await CliRunner.Run("ask", "Which counters show MSM is working?");
        Assert.True(exit == 0, err);
        Assert.StartsWith("MIMO Sleep Mode (MSM, FAJ 121 3094) — agent agent-FAJ_121_3094", output);
        Assert.Contains("confidence ", output);
        Assert.Contains("pmMimoSleepTime", output);
        // A sure match: the catalog's runners-up for "MSM" are not offered as alternatives.
        Assert.DoesNotContain("Also close", output);
        // The time in milliseconds or seconds, as a person reads it (not "83172 µs").
        Assert.Matches(@"^confidence \d\.\d\d · Counter / Simple · strategy \w+ · \d+(\.\d+)? (ms|s)$", output.Split('\n')[1].TrimEnd('\r'));
    }

    [Fact]
    public async Task Ask_ParameterChangeWithoutZone_NeedsApproval()
    {
        var (exit, output, _) = await CliRunner.Run("ask", "set sleepMode to 2 for MSM on node RBS1");
        Assert.Equal(0, exit);
        Assert.Contains("[SAFE] cmedit get RBS1 MimoSleepFunction.sleepMode", output);
        Assert.Contains("[NEEDS APPROVAL] cmedit set RBS1 MimoSleepFunction sleepMode=2", output);
        Assert.Contains("There is no safe zone for MimoSleepFunction.sleepMode", output);
    }

    [Fact]
    public async Task Ask_Json_IsOneObjectWithTheContractFields()
    {
        var (exit, output, _) = await CliRunner.Run("ask", "--json", "--type", "Procedure", "MIMO Sleep Mode");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("FAJ 121 3094", root.GetProperty("featureCode").GetString());
        Assert.Equal("Procedure", root.GetProperty("queryType").GetString());
        foreach (var field in new[] { "id", "agentId", "confidence", "latencyUs", "text", "alternatives", "actions", "error" })
            Assert.True(root.TryGetProperty(field, out _), $"missing {field}");
        Assert.Contains(root.GetProperty("actions").EnumerateArray(), a => a.GetProperty("kind").GetString() == "ActivateFeature" && !a.GetProperty("runnable").GetBoolean());
    }

    [Fact]
    public async Task Jsonl_KeepsOrderAndTurnsMalformedLinesIntoErrorLines()
    {
        var input = string.Join('\n',
            """{"id":"q1","text":"Which counters show MSM is working?"}""",
            "not json",
            """{"id":"q3","text":"How do I activate IFLB?","type":"Procedure","complexity":"Complex"}""",
            """{"id":"q4","text":""}""",
            """{"id":"q5","text":"x","type":"Bogus"}""",
            """{"id":7,"text":"IFLB counters"}""") + "\n";
        var (exit, output, _) = await CliRunner.RunWithInput(input, "ask", "--jsonl");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, lines.Count);
        Assert.Equal(["q1", null, "q3", "q4", "q5", "7"], lines.Select(l => l.GetProperty("id").ValueKind == JsonValueKind.Null ? null : l.GetProperty("id").GetString()));
        Assert.Equal("FAJ 121 3094", lines[0].GetProperty("featureCode").GetString());
        Assert.Contains("not valid JSON", lines[1].GetProperty("error").GetString());
        Assert.Equal(2, lines[1].GetProperty("line").GetInt32());
        Assert.Equal(("FAJ 121 3009", "Procedure", "Complex"), (lines[2].GetProperty("featureCode").GetString(), lines[2].GetProperty("queryType").GetString(), lines[2].GetProperty("complexity").GetString()));
        Assert.Contains("\"text\" is empty", lines[3].GetProperty("error").GetString());
        Assert.Contains("Bogus", lines[4].GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, lines[5].GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Jsonl_ManyLines_AllAnsweredInOrder()
    {
        var input = string.Concat(Enumerable.Range(0, 600).Select(i => $$"""{"id":"q{{i}}","text":"{{(i % 2 == 0 ? "what is MSM?" : "IFLB parameters")}}"}""" + "\n"));
        var (_, output, _) = await CliRunner.RunWithInput(input, "ask", "--jsonl");
        var ids = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 600).Select(i => $"q{i}"), ids);
    }

    [Fact]
    public async Task Catalog_FullCatalogFromPath_Works()
    {
        using var file = new TempFile("""{"schema":"elex-catalog/1","features":[{"code":"FAJ 121 9999","name":"Test Feature Alpha","acronym":"TFA","cxc":"CXC4019999"}]}""");
        var (exit, output, _) = await CliRunner.Run("ask", "--catalog", file.Path, "what is TFA?");
        Assert.Equal(0, exit);
        Assert.Contains("Test Feature Alpha (TFA, FAJ 121 9999)", output);
        // An answer from another catalog than the shipped one says which.
        Assert.StartsWith($"(catalog: {file.Path}, 1 features)", output);
    }

    [Fact]
    public async Task UnreadableCatalog_ExitsNonZeroWithOneLineMessage()
    {
        var (exit, _, error) = await CliRunner.Run("ask", "--catalog", "no/such/file.json", "x");
        Assert.Equal(3, exit);
        Assert.Contains("no/such/file.json", error);
    }

    [Fact]
    public async Task InvalidCatalog_ListsTheErrors()
    {
        using var file = new TempFile("""{"schema":"elex-catalog/1","features":[{"code":"FAJ 121 9999"}]}""");
        var (exit, _, error) = await CliRunner.Run("catalog", "--catalog", file.Path);
        Assert.Equal(3, exit);
        Assert.Contains("features[0] (FAJ 121 9999).name: is required", error);
    }

    [Theory]
    [InlineData("ask")]
    [InlineData("ask", "--bogus")]
    [InlineData("ask", "--jsonl", "and a question")]
    [InlineData("frobnicate")]
    [InlineData("ask", "--type", "Nope", "x")]
    public async Task UnusableArguments_ExitTwoWithMessage(params string[] args)
    {
        var (exit, _, error) = await CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task Nonsense_SaysNoFeatureMatches()
    {
        var (exit, output, _) = await CliRunner.Run("ask", "qwzx blorf");
        Assert.Equal(0, exit);
        Assert.Contains("No feature in the catalog matches", output);
    }

    [Fact]
    public async Task CatalogCommand_SummarisesTheEmbeddedFullCatalog()
    {
        var (exit, output, _) = await CliRunner.Run("catalog");
        Assert.Equal(0, exit);
        Assert.StartsWith("(embedded full catalog): 593 features", output);
    }

    [Fact]
    public async Task Ask_AnswersFromTheFullCatalogByDefault()
    {
        // 64-QAM Downlink: a feature the 53-feature sample does not hold.
        var (exit, output, _) = await CliRunner.Run("ask", "--json", "What is FAJ 121 0487?");
        Assert.Equal(0, exit);
        Assert.Contains("\"featureCode\":\"FAJ 121 0487\"", output);
    }
}
