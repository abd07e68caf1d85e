using Elex.Cli;

namespace Elex.Cli.Tests;

/// <summary><c>elex ask</c> in readable mode writes the routing line the moment the question is routed.</summary>
public class StreamedAnswerTests
{
    private const string RoutingLine = "MIMO Sleep Mode (MSM, FAJ 121 3094) — agent agent-FAJ_121_3094";

    // What the writer held each time it was flushed: the first flush is what the engineer saw first.
    private sealed class FlushRecordingWriter : StringWriter
    {
        public List<string> Flushed { get; } = [];

        public override void Flush()
        {
            Flushed.Add(ToString());
            base.Flush();
        }

        public override Task FlushAsync()
        {
            Flush();
            return Task.CompletedTask;
        }
    }

    private static async Task<(int Exit, FlushRecordingWriter Output, string Err)> AskAsync(params string[] args)
    {
        var output = new FlushRecordingWriter();
        var error = new StringWriter();
        var data = Path.Combine(Path.GetTempPath(), $"elex-cli-data-{Guid.NewGuid():N}");
        try
        {
            var exit = await ElexCli.RunAsync(["ask", .. args, "--data", data], new StringReader(""), output, error);
            return (exit, output, error.ToString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Ask_Readable_FlushesTheRoutingLineAlone_BeforeTheAnswer()
    {
        var (exit, output, err) = await AskAsync("Which counters show MSM is working?");

        Assert.True(exit == 0, err);
        Assert.Equal(RoutingLine + output.NewLine, output.Flushed[0]);
        var all = output.ToString();
        Assert.StartsWith(RoutingLine + output.NewLine + "confidence ", all);
        Assert.Contains("pmMimoSleepTime", all);
        Assert.Single(all.Split(output.NewLine), l => l == RoutingLine);
    }

    [Fact]
    public async Task Ask_Readable_Abstained_WritesNoRoutingLine_OnlyItsAnswer()
    {
        var (exit, output, err) = await AskAsync("qwzx blorf");

        Assert.True(exit == 0, err);
        Assert.StartsWith("No feature in the catalog matches", output.ToString());
        Assert.DoesNotContain(" — agent ", output.ToString());
    }

    [Fact]
    public async Task Ask_Json_IsNotStreamed_OneObjectWrittenAtTheEnd()
    {
        var (exit, output, err) = await AskAsync("Which counters show MSM is working?", "--json");

        Assert.True(exit == 0, err);
        Assert.DoesNotContain(output.Flushed, f => f.Length > 0 && !f.TrimStart().StartsWith('{'));
        Assert.StartsWith("{", output.ToString());
    }
}
