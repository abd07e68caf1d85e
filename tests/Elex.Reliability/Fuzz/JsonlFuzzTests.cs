using System.Text.Json;
using Elex.Reliability.Support;

namespace Elex.Reliability.Fuzz;

/// <summary>
/// <c>elex ask --jsonl</c> fed generated malformed lines in-process, in batches: every input line
/// gets exactly one output line at its position; malformed lines and bad feedback carry a
/// non-empty <c>"error"</c>, well-formed queries are answered; the tool never throws and exits 0.
/// </summary>
public class JsonlFuzzTests
{
    private const int BatchSize = 500;

    /// <summary>Lines in the default run (a tenth of the long run).</summary>
    public static int LineCount => ReliabilityRun.Scale(6_000, 60_000);

    [Fact]
    public async Task EveryLine_GetsOneLineInPlace_ErrorsNamedAndValidAnswered()
    {
        var seed = ReliabilityRun.Seed ^ 0x1a5c;
        var generator = new JsonlLineGenerator(seed);
        var kinds = new Dictionary<string, int>();
        for (var batch = 0; batch * BatchSize < LineCount; batch++)
        {
            var cases = Enumerable.Range(0, BatchSize).Select(_ => generator.Next()).ToList();
            foreach (var c in cases) kinds[c.Kind] = kinds.GetValueOrDefault(c.Kind) + 1;
            using var data = new TempDirectory("elex-jsonl-fuzz");
            var input = string.Join('\n', cases.Select(c => c.Line)) + "\n";
            var (exit, output, error) = await InProcessElex.RunAsync(input, "ask", "--jsonl", "--data", data.Path);
            var where = $"batch {batch} {ReliabilityRun.Reproduce(seed)}";
            Assert.True(exit == 0, $"exit code {exit}, stderr: {error} {where}");
            var lines = InProcessElex.Lines(output);
            Assert.True(lines.Length == cases.Count, $"{cases.Count} input lines gave {lines.Length} output lines; stderr: {error} {where}");
            for (var i = 0; i < cases.Count; i++) Check(cases[i], lines[i], $"line {i + 1} ({cases[i].Kind}) of {where}: {cases[i].Shown}\n→ {Shorten(lines[i])}");
        }
        // The generator really produced every kind of damage.
        Assert.True(kinds.Keys.Count(k => k.StartsWith("control-", StringComparison.Ordinal)) > 5, string.Join(", ", kinds));
        foreach (var kind in new[] { "valid", "huge-valid", "truncated", "wrong-text", "wrong-id", "surrogate-text", "raw-surrogate", "nested-arrays", "not-an-object", "garbage", "bad-feedback", "agent-feedback" })
            Assert.True(kinds.GetValueOrDefault(kind) > 0, $"no '{kind}' lines generated: {string.Join(", ", kinds)}");
    }

    private static void Check(JsonlCase input, string line, string context)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(line).RootElement;
        }
        catch (JsonException e)
        {
            Assert.Fail($"output is not JSON ({e.Message}): {context}");
            return;
        }
        Assert.True(root.ValueKind == JsonValueKind.Object, $"output is not an object: {context}");
        if (input.ChecksId)
        {
            var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
            Assert.True(id == input.Id, $"id {id ?? "null"} instead of {input.Id ?? "null"}: {context}");
        }
        var error = root.TryGetProperty("error", out var e2) && e2.ValueKind == JsonValueKind.String ? e2.GetString() : null;
        var feedback = root.TryGetProperty("feedback", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        switch (input.Expect)
        {
            case JsonlExpectation.Answer:
                Assert.True(error is null, $"a well-formed query got error '{error}': {context}");
                Assert.True(root.TryGetProperty("status", out var status) && status.GetString() is "Answered" or "Unsure" or "NoMatch", $"not answered: {context}");
                Assert.False(string.IsNullOrEmpty(root.GetProperty("responseId").GetString()), $"no responseId: {context}");
                break;
            case JsonlExpectation.Error:
                Assert.False(string.IsNullOrWhiteSpace(error), $"a malformed line got no error: {context}");
                Assert.True(feedback != "Applied", $"bad feedback was applied: {context}");
                break;
            case JsonlExpectation.FeedbackEither:
                Assert.True(feedback is not null, $"no feedback result: {context}");
                if (feedback == "Applied") Assert.True(error is null && root.GetProperty("durable").GetBoolean(), $"applied but not durable: {context}");
                else Assert.False(string.IsNullOrWhiteSpace(error), $"not applied and no error: {context}");
                break;
        }
    }

    private static string Shorten(string s) => s.Length <= 300 ? s : $"{s[..300]}… ({s.Length} chars)";
}
