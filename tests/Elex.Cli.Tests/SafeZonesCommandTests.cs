using System.Text.Json;

namespace Elex.Cli.Tests;

public class SafeZonesCommandTests
{
    private const string Zones = """
        {
          "schema": "elex-safe-zones/1",
          "zones": [
            { "mo": "MimoSleepFunction", "parameter": "sleepMode", "allowed": ["0", "1", "2"] },
            { "mo": "*", "parameter": "cellReselectionPriority", "min": 0, "max": 7, "step": 1 }
          ]
        }
        """;

    [Fact]
    public async Task Ask_WithUserZones_InZoneChangeIsSafe()
    {
        using var file = new TempFile(Zones);
        var (exit, output, _) = await CliRunner.Run("ask", "set sleepMode to 2 for MSM on node RBS1", "--safe-zones", file.Path);
        Assert.Equal(0, exit);
        Assert.Contains("[SAFE] cmedit set RBS1 MimoSleepFunction sleepMode=2", output);
    }

    [Fact]
    public async Task Ask_WithUserZones_OutOfZoneChangeIsRejected_AndNotRunnableInJson()
    {
        using var file = new TempFile(Zones);
        var (exit, output, _) = await CliRunner.Run("ask", "set sleepMode to 7 for MSM", "--json", "--safe-zones", file.Path);
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var change = json.RootElement.GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("command").GetString()!.Contains("sleepMode=7", StringComparison.Ordinal));
        Assert.Equal("Rejected", change.GetProperty("safety").GetString());
        Assert.False(change.GetProperty("runnable").GetBoolean());
        Assert.Contains("7 is not one of 0, 1, 2", change.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Ask_DefaultZones_FeatureActivationNeedsApproval_ReadIsSafe()
    {
        var (exit, output, _) = await CliRunner.Run("ask", "how do I activate MIMO Sleep Mode on node ERBS01");
        Assert.Equal(0, exit);
        Assert.Contains("[NEEDS APPROVAL] cmedit set ERBS01 FeatureState=", output);
        Assert.Contains("[SAFE] cmedit get ERBS01 FeatureState=", output);
    }

    [Fact]
    public async Task InvalidSafeZoneFile_ExitsFiveNamingFileAndField()
    {
        using var file = new TempFile("""{ "schema": "elex-safe-zones/1", "zones": [ { "mo": "A", "parameter": "b", "min": 5, "max": 1 } ] }""");
        var (exit, output, error) = await CliRunner.Run("ask", "which counters show MSM is working?", "--safe-zones", file.Path);
        Assert.Equal(5, exit);
        Assert.Equal("", output);
        Assert.Contains(file.Path, error);
        Assert.Contains("zones[0] (A.b).min: 5 is greater than max 1", error);
    }

    [Fact]
    public async Task MissingSafeZoneFile_ExitsFive()
    {
        var path = Path.Combine(Path.GetTempPath(), $"elex-missing-{Guid.NewGuid():N}.json");
        var (exit, _, error) = await CliRunner.Run("ask", "x", "--safe-zones", path);
        Assert.Equal(5, exit);
        Assert.Contains(path, error);
    }

    [Fact]
    public async Task SafeZones_ListsDefaultsMergedWithTheFile()
    {
        using var file = new TempFile(Zones);
        var (exit, output, _) = await CliRunner.Run("safe-zones", "--safe-zones", file.Path);
        Assert.Equal(0, exit);
        Assert.Contains("FeatureState.featureState", output);
        Assert.Contains("approval required", output);
        Assert.Contains("*.cellReselectionPriority", output);
        Assert.Contains("[0, 7]; step 1", output);
        // The file's cellReselectionPriority zone replaces the built-in one of the same key.
        Assert.StartsWith($"{Elex.Core.Safety.DefaultSafeZones.Load().Count + 1} safe zone(s)", output);
    }
}
