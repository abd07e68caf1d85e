using System.Text;
using Elex.Core.Safety;

namespace Elex.Core.Tests.Safety;

public class SafeZoneLoaderTests
{
    private const string Sleep = """{"mo":"MimoSleepFunction","parameter":"sleepMode","min":0,"max":3,"step":1,"unit":null,"maxChange":1,"requiresApproval":false,"allowed":null,"note":"sleep levels"}""";

    private static SafeZoneSet Load(string json) => SafeZoneLoader.Load(Encoding.UTF8.GetBytes(json), "test.json");

    private static string Doc(params string[] zones) => $$"""{"schema":"elex-safe-zones/1","zones":[{{string.Join(",", zones)}}]}""";

    private static SafeZoneException Fails(string json) => Assert.Throws<SafeZoneException>(() => Load(json));

    [Fact]
    public void Load_ValidZone_ReadsEveryField()
    {
        var set = Load(Doc(Sleep, """{"mo":"*","parameter":"txPower","min":-10.5,"max":20,"unit":"dBm","requiresApproval":true}""", """{"mo":"M","parameter":"mode","allowed":["A","b"]}"""));
        Assert.Equal(3, set.Count);
        Assert.Equal("test.json", set.Source);
        var z = set.Zones[0];
        Assert.Equal(("MimoSleepFunction", "sleepMode"), (z.Mo, z.Parameter));
        Assert.Equal((0m, 3m, 1m, 1m), (z.Min, z.Max, z.Step, z.MaxChange));
        Assert.Null(z.Unit);
        Assert.Null(z.Allowed);
        Assert.False(z.RequiresApproval);
        Assert.Equal("sleep levels", z.Note);
        Assert.Equal((-10.5m, 20m, "dBm", true), (set.Zones[1].Min, set.Zones[1].Max, set.Zones[1].Unit, set.Zones[1].RequiresApproval));
        Assert.Equal(["A", "b"], set.Zones[2].Allowed!);
    }

    [Fact]
    public void Load_EmptyZones_IsAnEmptySet() => Assert.Equal(0, Load(Doc()).Count);

    [Theory]
    // field rules: each case one zone, the field it is reported on, and a fragment of the message
    [InlineData("""{"mo":"M","parameter":"p","min":5,"max":3}""", "min", "5 is greater than max 3")]
    [InlineData("""{"mo":"M","parameter":"p","min":0,"max":3,"step":0}""", "step", "0 must be greater than 0")]
    [InlineData("""{"mo":"M","parameter":"p","min":0,"max":3,"step":-1}""", "step", "-1 must be greater than 0")]
    [InlineData("""{"mo":"M","parameter":"p","min":0,"max":3,"maxChange":0}""", "maxChange", "must be greater than 0")]
    [InlineData("""{"mo":"M","parameter":"p","allowed":[]}""", "allowed", "is empty")]
    [InlineData("""{"mo":"M","parameter":"p","allowed":["a"],"min":0,"max":1}""", "allowed", "together with min, max")]
    [InlineData("""{"mo":"M","parameter":"p","allowed":["a"],"maxChange":1}""", "allowed", "maxChange")]
    [InlineData("""{"mo":"M","parameter":"p","allowed":["on","ON"]}""", "allowed[1]", "repeats allowed[0]")]
    [InlineData("""{"mo":"M","parameter":"p","allowed":["on",3]}""", "allowed[1]", "number 3")]
    [InlineData("""{"mo":"M","parameter":"p","allowed":"on"}""", "allowed", "\"on\"")]
    [InlineData("""{"mo":"M","parameter":"p","min":"0","max":3}""", "min", "must be a number or null, found \"0\"")]
    [InlineData("""{"mo":"M","parameter":"p","min":0,"max":true}""", "max", "found true")]
    [InlineData("""{"mo":"M","parameter":"p","min":0,"max":1e40}""", "max", "outside the range of a decimal")]
    [InlineData("""{"mo":"M","parameter":"p","allowed":["a"],"requiresApproval":"yes"}""", "requiresApproval", "must be true or false")]
    [InlineData("""{"mo":"M","parameter":"p","allowed":["a"],"unit":5}""", "unit", "number 5")]
    [InlineData("""{"mo":"M","parameter":"p","allowed":["a"],"note":[]}""", "note", "an array")]
    [InlineData("""{"mo":"M","parameter":"p","allowed":["a"],"Min":1}""", "Min", "is not a field of a zone")]
    [InlineData("""{"mo":"M","parameter":"p","min":0}""", "max", "must be bounded")]
    [InlineData("""{"mo":"M","parameter":"p","step":1}""", "min", "must be bounded")]
    [InlineData("""{"mo":"M","parameter":"p"}""", "min", "otherwise set requiresApproval")]
    [InlineData("""{"parameter":"p","allowed":["a"]}""", "mo", "is required")]
    [InlineData("""{"mo":"M","parameter":"","allowed":["a"]}""", "parameter", "non-empty string")]
    public void Load_BadZone_NamesIndexKeyAndField(string zone, string field, string message)
    {
        var e = Fails(Doc(Sleep, zone));
        var issue = Assert.Single(e.Issues);
        Assert.Equal(1, issue.ZoneIndex);
        Assert.Equal(field, issue.Field);
        Assert.Contains(message, issue.Message);
        Assert.StartsWith($"zones[1] (", issue.ToString());
        Assert.Contains($").{field}: ", issue.ToString());
    }

    [Fact]
    public void Load_IssueNamesMoDotParameter()
    {
        var e = Fails(Doc(Sleep, """{"mo":"MimoSleepFunction","parameter":"sleepLevel","min":5,"max":3}"""));
        Assert.Equal("zones[1] (MimoSleepFunction.sleepLevel).min: 5 is greater than max 3", Assert.Single(e.Issues).ToString());
        Assert.Contains("zones[1] (MimoSleepFunction.sleepLevel).min: 5 is greater than max 3", e.Message);
        Assert.Contains("test.json", e.Message);
    }

    [Fact]
    public void Load_ApprovalOnlyZone_NeedsNoBounds()
    {
        var zone = Assert.Single(Load(Doc("""{"mo":"M","parameter":"p","requiresApproval":true,"note":"ask"}""")).Zones);
        Assert.True(zone.RequiresApproval);
        Assert.False(zone.IsNumeric || zone.IsEnumerated);
    }

    [Fact]
    public void Load_Duplicates_AreErrorsNamingTheFirst_CaseInsensitive()
    {
        var e = Fails(Doc(Sleep, """{"mo":"mimosleepfunction","parameter":"SLEEPMODE","allowed":["1"]}""", """{"mo":"*","parameter":"sleepMode","allowed":["1"]}"""));
        var issue = Assert.Single(e.Issues);
        Assert.Equal((1, "parameter"), (issue.ZoneIndex, issue.Field));
        Assert.Contains("duplicates zones[0]", issue.Message);
    }

    [Fact]
    public void Load_ManyErrors_AreAllReportedAtOnce()
    {
        var e = Fails("""
            {"schema":"elex-safe-zones/1","zones":[
              {"mo":"A","parameter":"x","min":9,"max":1},
              {"mo":"B","parameter":"y","allowed":[]},
              {"mo":"C","parameter":"z","min":0,"max":4,"step":0,"unit":7},
              5,
              {"mo":"A","parameter":"x","allowed":["a"]}
            ]}
            """);
        Assert.Contains(e.Issues, i => i is { ZoneIndex: 0, Key: "A.x", Field: "min" });
        Assert.Contains(e.Issues, i => i is { ZoneIndex: 1, Key: "B.y", Field: "allowed" });
        Assert.Contains(e.Issues, i => i is { ZoneIndex: 2, Key: "C.z", Field: "step" });
        Assert.Contains(e.Issues, i => i is { ZoneIndex: 2, Key: "C.z", Field: "unit" });
        Assert.Contains(e.Issues, i => i is { ZoneIndex: 3, Field: "(zone)" } && i.Message.Contains("number 5"));
        Assert.Equal(5, e.Issues.Count);   // zones[4] duplicates A.x, but zones[0] was invalid and not kept
        Assert.Contains("5 error(s)", e.Message);
    }

    [Theory]
    [InlineData("""{"zones":[]}""", "schema", "is required")]
    [InlineData("""{"schema":"elex-safe-zones/2","zones":[]}""", "schema", "elex-safe-zones/2")]
    [InlineData("""{"schema":1,"zones":[]}""", "schema", "number 1")]
    [InlineData("""{"schema":"elex-safe-zones/1"}""", "zones", "is required")]
    [InlineData("""{"schema":"elex-safe-zones/1","zones":{}}""", "zones", "an object")]
    [InlineData("""{"schema":"elex-safe-zones/1","zones":[],"extra":1}""", "extra", "is not a field")]
    [InlineData("""[1,2]""", "(root)", "an array")]
    public void Load_BadDocument_NamesTheField(string json, string field, string message)
    {
        var issue = Assert.Single(Fails(json).Issues);
        Assert.Null(issue.ZoneIndex);
        Assert.Equal(field, issue.Field);
        Assert.Contains(message, issue.Message);
        Assert.StartsWith($"document.{field}: ", issue.ToString());
    }

    [Fact]
    public void Load_NotJson_SaysSo() => Assert.Contains("not valid JSON", Fails("{ nope").Message);

    [Fact]
    public void Load_CommentsAndTrailingCommas_AreAccepted() =>
        Assert.Equal(1, Load("""{"schema":"elex-safe-zones/1", /* defaults */ "zones":[{"mo":"M","parameter":"p","allowed":["a"],},],}""").Count);

    [Fact]
    public void LoadFile_Missing_NamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-zones-{Guid.NewGuid():N}.json");
        var e = Assert.Throws<SafeZoneException>(() => SafeZoneLoader.LoadFile(path));
        Assert.Contains(path, e.Message);
        Assert.Equal(path, e.SourceName);
        Assert.Equal("does not exist", Assert.Single(e.Issues).Message);
    }

    [Fact]
    public void LoadFile_ADirectory_SaysItIsADirectory()
    {
        var e = Assert.Throws<SafeZoneException>(() => SafeZoneLoader.LoadFile(Path.GetTempPath()));
        Assert.Contains("is a directory; give the path of a safe-zone file", e.Message);
    }

    [Fact]
    public void LoadFile_AndStream_ReadTheSameZones()
    {
        var path = Path.Combine(Path.GetTempPath(), $"zones-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Doc(Sleep));
        try
        {
            var fromFile = SafeZoneLoader.LoadFile(path);
            using var stream = File.OpenRead(path);
            var fromStream = SafeZoneLoader.Load(stream, "stream");
            Assert.Equal(path, fromFile.Source);
            Assert.Equal(fromFile.Zones[0], fromStream.Zones[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_InvalidFileOnDisk_NamesThePathAndTheIssue()
    {
        var path = Path.Combine(Path.GetTempPath(), $"zones-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Doc("""{"mo":"M","parameter":"p","min":2,"max":1}"""));
        try
        {
            var e = Assert.Throws<SafeZoneException>(() => SafeZoneLoader.LoadFile(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("zones[0] (M.p).min", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadArguments_AreChecked()
    {
        Assert.Throws<ArgumentNullException>(() => SafeZoneLoader.LoadFile(null!));
        Assert.Throws<ArgumentException>(() => SafeZoneLoader.LoadFile(" "));
        Assert.Throws<ArgumentNullException>(() => SafeZoneLoader.Load((Stream)null!, "s"));
    }

    [Fact]
    public void ToJson_RoundTrips()
    {
        var zones = new[]
        {
            new SafeZone("MimoSleepFunction", "sleepMode") { Min = 0, Max = 3, Step = 1, MaxChange = 1, Unit = "level", Note = "n" },
            new SafeZone("*", "flagEnabled") { Allowed = ["true", "false"] },
            new SafeZone("FeatureState", "featureState") { Allowed = ["ACTIVATED", "DEACTIVATED"], RequiresApproval = true },
        };
        var json = SafeZoneFile.ToJson(zones, "round trip");
        Assert.Contains("\"schema\": \"elex-safe-zones/1\"", json);
        var back = Load(json);
        Assert.Equal(3, back.Count);
        Assert.Equal(zones[0], back.Zones[0]);
        Assert.Equal(zones[1].Allowed, back.Zones[1].Allowed!);
        Assert.True(back.Zones[2].RequiresApproval);
    }

    // ---- SafeZoneSet: lookup and merge ----

    [Fact]
    public void Find_ExactFirst_ThenWildcard_CaseInsensitive()
    {
        var set = new SafeZoneSet([
            new SafeZone("*", "txPower") { Min = 0, Max = 10 },
            new SafeZone("EUtranCellFDD", "txPower") { Min = 0, Max = 5 },
        ]);
        Assert.Equal(5m, set.Find("eutrancellfdd", "TXPOWER")!.Max);
        Assert.Equal(10m, set.Find("NRCellDU", "txPower")!.Max);
        Assert.Equal(10m, set.Find(null, "txPower")!.Max);
        Assert.Null(set.Find("EUtranCellFDD", "other"));
        Assert.True(set.TryFind("EUtranCellFDD", "txPower", out var zone));
        Assert.Equal("EUtranCellFDD", zone.Mo);
        Assert.False(set.TryFind("X", "y", out _));
    }

    [Fact]
    public void Merge_UserOverridesSameKey_AndAddsTheRest()
    {
        var defaults = new SafeZoneSet([
            new SafeZone("M", "a") { Min = 0, Max = 1 },
            new SafeZone("M", "b") { Allowed = ["x"] },
            new SafeZone("N", "c") { Min = 0, Max = 1 },
        ], "defaults");
        var user = new SafeZoneSet([
            new SafeZone("m", "B") { Allowed = ["y"] },
            new SafeZone("*", "c") { Min = 0, Max = 9 },
            new SafeZone("U", "d") { Min = 1, Max = 2 },
        ], "user.json");

        var merged = defaults.Merge(user);

        Assert.Equal(5, merged.Count);
        Assert.Equal("defaults + user.json", merged.Source);
        Assert.Equal(1m, merged.Find("M", "a")!.Max);
        Assert.Equal(["y"], merged.Find("M", "b")!.Allowed!);
        Assert.Equal(1m, merged.Find("N", "c")!.Max);         // exact default beats the user's wildcard
        Assert.Equal(9m, merged.Find("Other", "c")!.Max);     // the wildcard covers the other MOs
        Assert.Equal(2m, merged.Find("U", "d")!.Max);
        Assert.Equal(3, defaults.Count);                      // immutable: the defaults are unchanged
        Assert.Equal(["x"], defaults.Find("M", "b")!.Allowed!);
    }

    [Fact]
    public void Constructor_AppliesTheLoaderRules()
    {
        var e = Assert.Throws<SafeZoneException>(() => new SafeZoneSet([
            new SafeZone("M", "a") { Min = 3, Max = 1 },
            new SafeZone("M", "b") { Allowed = ["x"] },
            new SafeZone("m", "B") { Allowed = ["y"] },
        ]));
        Assert.Contains(e.Issues, i => i.ToString() == "zones[0] (M.a).min: 3 is greater than max 1");
        Assert.Contains(e.Issues, i => i is { ZoneIndex: 2, Field: "parameter" } && i.Message.Contains("duplicates zones[1]"));
        Assert.Throws<ArgumentNullException>(() => SafeZoneSet.Empty.Merge(null!));
        Assert.Equal(0, SafeZoneSet.Empty.Count);
    }
}
