using System.Text.RegularExpressions;

namespace Elex.Cli.Tests;

/// <summary>
/// The tool keeps a router snapshot in its data directory: a second question reads it instead of
/// parsing the catalog and building the indexes, answers exactly as the first, and a damaged or
/// stale snapshot costs one note on stderr and a rebuild, never a wrong or failed answer.
/// </summary>
public sealed class RouterSnapshotCliTests : IDisposable
{
    private const string Question = "Which counters show MSM is working?";
    private readonly TempDirectory _data = new("elex-cli-snapshot");

    public void Dispose() => _data.Dispose();

    private string EmbeddedSnapshot => Path.Combine(_data.Path, "index", "router-embedded.snap");

    private Task<(int Exit, string Out, string Err)> Ask(params string[] extra) =>
        CliRunner.Run([.. extra, "ask", "--json", "--data", _data.Path, Question]);

    // Response ids, timings and queue waits differ between runs; everything else must not.
    private static string Stable(string json) => Regex.Replace(json, "\"(id|responseId|latencyUs|queueUs)\":(\"[^\"]*\"|[0-9.]+)", "\"$1\":_");

    [Fact]
    public async Task SecondQuestion_ReadsTheSnapshot_AndAnswersAsTheFirst()
    {
        var first = await Ask();
        Assert.True(File.Exists(EmbeddedSnapshot));
        var written = File.GetLastWriteTimeUtc(EmbeddedSnapshot);
        var second = await Ask();

        Assert.Equal((0, ""), (first.Exit, first.Err));
        Assert.Equal((0, ""), (second.Exit, second.Err));
        Assert.Contains("\"featureCode\":\"FAJ 121 3094\"", second.Out);
        Assert.Equal(Stable(first.Out), Stable(second.Out));
        Assert.Equal(written, File.GetLastWriteTimeUtc(EmbeddedSnapshot));
    }

    [Fact]
    public async Task DamagedSnapshot_IsNotedOnce_RebuiltAndTheAnswerIsUnchanged()
    {
        var first = await Ask();
        var bytes = File.ReadAllBytes(EmbeddedSnapshot);
        File.WriteAllBytes(EmbeddedSnapshot, bytes[..(bytes.Length / 2)]);
        var damaged = await Ask();
        var after = await Ask();

        Assert.Equal(0, damaged.Exit);
        Assert.Equal($"elex: note: the routing index snapshot {EmbeddedSnapshot} is truncated ({bytes.Length / 2 - 144} of {bytes.Length - 144} payload bytes); rebuilding it.", damaged.Err.TrimEnd());
        Assert.Equal(Stable(first.Out), Stable(damaged.Out));
        Assert.Equal("", after.Err);
        Assert.Equal(bytes.Length, new FileInfo(EmbeddedSnapshot).Length);
    }

    [Fact]
    public async Task EditedCatalogFile_MakesItsSnapshotStale_AndTheEditIsWhatAnswers()
    {
        using var catalog = new TempFile(Catalog("MIMO Sleep Mode"));
        var before = await CliRunner.Run("ask", "--json", "--catalog", catalog.Path, "--data", _data.Path, "what is FAJ 121 3094?");
        File.WriteAllText(catalog.Path, Catalog("MIMO Night Mode"));
        var after = await CliRunner.Run("ask", "--json", "--catalog", catalog.Path, "--data", _data.Path, "what is FAJ 121 3094?");

        Assert.Equal((0, ""), (before.Exit, before.Err));
        Assert.Contains("\"featureName\":\"MIMO Sleep Mode\"", before.Out);
        Assert.Equal(0, after.Exit);
        Assert.Contains("was built from another catalog (or another version of the catalog file); rebuilding it.", after.Err);
        Assert.Contains("\"featureName\":\"MIMO Night Mode\"", after.Out);
        Assert.Single(Directory.GetFiles(Path.Combine(_data.Path, "index"), "router-file-*.snap"));
    }

    [Fact]
    public async Task InvalidCatalogFile_IsStillACatalogError_AndLeavesNoSnapshot()
    {
        using var catalog = new TempFile("""{"schema": "elex-catalog/1", "features": []}""");
        var (exit, _, err) = await CliRunner.Run("ask", "--catalog", catalog.Path, "--data", _data.Path, Question);

        Assert.Equal(3, exit);
        Assert.Contains("is empty", err);
        Assert.False(Directory.Exists(Path.Combine(_data.Path, "index")) && Directory.EnumerateFiles(Path.Combine(_data.Path, "index")).Any());
    }

    private static string Catalog(string name) => $$"""
        {"schema": "elex-catalog/1", "features": [
          {"code": "FAJ 121 3094", "name": "{{name}}", "acronym": "MSM", "domain": "Energy",
           "parameters": [{"mo": "MimoSleepFunction", "name": "sleepMode", "role": "Introduced"}],
           "counters": [{"mo": "EUtranCellFDD", "name": "pmMimoSleepTime"}]},
          {"code": "FAJ 121 3009", "name": "Inter-Frequency Load Balancing", "acronym": "IFLB", "domain": "Mobility"}
        ]}
        """;
}
