using System.Text;
using System.Text.Json.Nodes;
using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Core.Routing.Glosses;
using Elex.Core.Routing.Snapshots;

namespace Elex.Core.Tests.Routing.Snapshots;

/// <summary>
/// A snapshot is used only when it was made from the same catalog, glosses, options, format and
/// build, and is intact: anything else is noted in one line and rebuilt, and the router served is
/// always the one a fresh build gives.
/// </summary>
public sealed class RouterSnapshotFileTests : IDisposable
{
    private const string Question = "What counters monitor MSM performance?";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"elex-snapshot-{Guid.NewGuid():N}");
    private readonly byte[] _bytes = SnapshotTestData.SampleBytes();
    private readonly List<string> _notes = [];

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private string Path_ => Path.Combine(_directory, "index", "router.snap");

    private SnapshotResult Run(byte[]? bytes = null, RouterOptions? options = null, RoutingGlosses? glosses = null) =>
        SnapshotTestData.LoadOrBuild(Path_, bytes ?? _bytes, options, glosses, _notes);

    private static string Expected(RouterOptions? options = null) =>
        SnapshotTestData.Describe(FeatureRouter.Build(SharedData.SampleCatalogInstance, options).Route(Question));

    [Fact]
    public void NoSnapshot_BuildsWritesAndSaysNothing_ThenLoads()
    {
        Assert.Equal(SnapshotOutcome.Built, Run().Outcome);
        Assert.True(File.Exists(Path_));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(Path_)!, "*.tmp"));
        Assert.Equal(SnapshotOutcome.Loaded, Run().Outcome);
        Assert.Empty(_notes);
    }

    [Fact]
    public void ChangedCatalogBytes_AreStale_AndTheNewCatalogIsServed()
    {
        Run();
        // The same catalog with its last feature taken out: another catalog at the same path.
        var document = JsonNode.Parse(_bytes)!;
        var features = document["features"]!.AsArray();
        features.RemoveAt(features.Count - 1);
        var smaller = Encoding.UTF8.GetBytes(document.ToJsonString());
        var result = Run(smaller);

        Assert.Equal(SnapshotOutcome.RebuiltStale, result.Outcome);
        Assert.Single(_notes);
        Assert.Contains("was built from another catalog", _notes[0]);
        Assert.Contains(Path_, _notes[0]);
        Assert.Equal(SharedData.SampleCatalogInstance.Count - 1, result.Catalog.Count);
        var fresh = FeatureRouter.Build(CatalogLoader.Load(smaller, "smaller"));
        Assert.Equal(SnapshotTestData.Describe(fresh.Route(Question)), SnapshotTestData.Describe(result.Router.Route(Question)));
        Assert.Equal(SnapshotOutcome.Loaded, Run(smaller).Outcome);
        Assert.Equal(SnapshotOutcome.RebuiltStale, Run().Outcome);
    }

    [Fact]
    public void ChangedOptions_AreStale_AndTheLoadedRouterUsesTheNewOnes()
    {
        Run();
        var options = new RouterOptions { Temperature = 0.2f };
        var result = Run(options: options);

        Assert.Equal(SnapshotOutcome.RebuiltStale, result.Outcome);
        Assert.Contains("was built with other routing glosses or router options", _notes.Single());
        Assert.Same(options, result.Router.Options);
        Assert.Equal(Expected(options), SnapshotTestData.Describe(result.Router.Route(Question)));
        var again = Run(options: options);
        Assert.Equal(SnapshotOutcome.Loaded, again.Outcome);
        Assert.Equal(Expected(options), SnapshotTestData.Describe(again.Router.Route(Question)));
    }

    [Fact]
    public void ChangedGlosses_AreStale()
    {
        Run();
        var result = Run(glosses: RoutingGlosses.None);

        Assert.Equal(SnapshotOutcome.RebuiltStale, result.Outcome);
        Assert.Equal(
            SnapshotTestData.Describe(FeatureRouter.Build(SharedData.SampleCatalogInstance, glosses: RoutingGlosses.None).Route(Question)),
            SnapshotTestData.Describe(result.Router.Route(Question)));
    }

    [Fact]
    public void AnotherBuild_IsStale()
    {
        Run();
        Patch(bytes => Flip(bytes, 8));

        Assert.Equal(SnapshotOutcome.RebuiltStale, Run().Outcome);
        Assert.Contains("was built by another build of elex", _notes.Single());
        Assert.Equal(SnapshotOutcome.Loaded, Run().Outcome);
    }

    [Fact]
    public void AnotherFormatVersion_IsStale()
    {
        Run();
        Patch(bytes => Flip(bytes, 4));

        Assert.Equal(SnapshotOutcome.RebuiltStale, Run().Outcome);
        Assert.Contains("format version", _notes.Single());
        Assert.Equal(SnapshotOutcome.Loaded, Run().Outcome);
    }

    [Theory]
    [InlineData("truncated", "is truncated")]
    [InlineData("header only", "is truncated")]
    [InlineData("empty", "is truncated")]
    [InlineData("flipped payload byte", "is damaged")]
    [InlineData("flipped last byte", "is damaged")]
    [InlineData("not a snapshot", "is not a router snapshot")]
    public void DamagedFile_IsCorrupt_NotedRebuiltAndRewritten(string damage, string said)
    {
        Run();
        Patch(bytes => damage switch
        {
            "truncated" => bytes[..(bytes.Length - 1000)],
            "header only" => bytes[..80],
            "empty" => [],
            "flipped payload byte" => Flip(bytes, bytes.Length / 2),
            "flipped last byte" => Flip(bytes, bytes.Length - 1),
            _ => Encoding.UTF8.GetBytes("{\"schema\": \"elex-catalog/1\"}" + new string(' ', 400)),
        });
        var result = Run();

        Assert.Equal(SnapshotOutcome.RebuiltCorrupt, result.Outcome);
        Assert.Contains(said, _notes.Single());
        Assert.Equal(Expected(), SnapshotTestData.Describe(result.Router.Route(Question)));
        Assert.Equal(SnapshotOutcome.Loaded, Run().Outcome);
    }

    [Fact]
    public void UnwritableLocation_IsNoted_AndTheBuiltRouterIsServed()
    {
        Directory.CreateDirectory(_directory);
        var blocker = Path.Combine(_directory, "index");
        File.WriteAllText(blocker, "a file where the snapshot folder should be");
        var result = Run();

        Assert.Equal(SnapshotOutcome.Built, result.Outcome);
        Assert.Contains("could not be written", _notes.Single());
        Assert.Equal(Expected(), SnapshotTestData.Describe(result.Router.Route(Question)));
    }

    private void Patch(Func<byte[], byte[]> change) => File.WriteAllBytes(Path_, change(File.ReadAllBytes(Path_)));

    private static byte[] Flip(byte[] bytes, int at)
    {
        bytes[at] ^= 0x01;
        return bytes;
    }
}
