using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Core.Routing.Snapshots;

namespace Elex.Core.Tests.Routing.Snapshots;

/// <summary>A router read from a snapshot routes exactly as a freshly built one, over the same catalog.</summary>
public sealed class RouterSnapshotIdentityTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"elex-snapshot-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void SampleCatalog_SecondRunLoadsTheSnapshot_AndRoutesEveryQuestionIdentically()
    {
        var bytes = SnapshotTestData.SampleBytes();
        var path = Path.Combine(_directory, "router.snap");
        var built = SnapshotTestData.LoadOrBuild(path, bytes);
        var loaded = SnapshotTestData.LoadOrBuild(path, bytes);

        Assert.Equal(SnapshotOutcome.Built, built.Outcome);
        Assert.Equal(SnapshotOutcome.Loaded, loaded.Outcome);
        var fresh = FeatureRouter.Build(SharedData.SampleCatalogInstance);
        var questions = SnapshotTestData.QuestionsAbout(SharedData.SampleCatalogInstance).ToList();
        Assert.True(questions.Count > 50, $"only {questions.Count} questions");
        foreach (var q in questions)
        {
            var expected = SnapshotTestData.Describe(fresh.Route(q));
            Assert.Equal(expected, SnapshotTestData.Describe(built.Router.Route(q)));
            Assert.Equal(expected, SnapshotTestData.Describe(loaded.Router.Route(q)));
        }
    }

    [Fact]
    public void SampleCatalog_FromTheSnapshot_HasEveryFieldAndWarningOfTheLoadedOne()
    {
        var bytes = SnapshotTestData.SampleBytes();
        var path = Path.Combine(_directory, "router.snap");
        SnapshotTestData.LoadOrBuild(path, bytes);
        var loaded = SnapshotTestData.LoadOrBuild(path, bytes);
        var expected = CatalogLoader.Load(bytes, "(test catalog)");

        Assert.Equal(SnapshotOutcome.Loaded, loaded.Outcome);
        AssertSameCatalog(expected, loaded.Catalog);
    }

    [SharedDataFact]
    public void FullCatalog_DevQuestions_RouteIdenticallyFromTheSnapshot()
    {
        var bytes = File.ReadAllBytes(SharedData.CatalogPath!);
        var path = Path.Combine(_directory, "router.snap");
        SnapshotTestData.LoadOrBuild(path, bytes);
        var loaded = SnapshotTestData.LoadOrBuild(path, bytes);
        var fresh = FeatureRouter.Build(SharedData.Full!);

        Assert.Equal(SnapshotOutcome.Loaded, loaded.Outcome);
        AssertSameCatalog(SharedData.Full!, loaded.Catalog);
        var questions = SnapshotTestData.DevQuestions(400).Concat(SnapshotTestData.QuestionsAbout(SharedData.Full!).Take(400)).ToList();
        Assert.Equal(800, questions.Count);
        foreach (var q in questions) Assert.Equal(SnapshotTestData.Describe(fresh.Route(q)), SnapshotTestData.Describe(loaded.Router.Route(q)));
    }

    [Fact]
    public void SemanticIndex_IsAskedForWithTheCatalogTheRouterServes()
    {
        var bytes = SnapshotTestData.SampleBytes();
        var path = Path.Combine(_directory, "router.snap");
        var asked = new List<FeatureCatalog>();
        foreach (var expected in new[] { SnapshotOutcome.Built, SnapshotOutcome.Loaded })
        {
            var result = RouterSnapshot.LoadOrBuild(path, bytes, "(test catalog)", () => CatalogLoader.Load(bytes, "(test catalog)"), semantic: c => { asked.Add(c); return null; });
            Assert.Equal(expected, result.Outcome);
            Assert.Same(result.Catalog, asked[^1]);
            Assert.Same(result.Catalog, result.Router.Catalog);
        }
        Assert.Equal(2, asked.Count);
    }

    private static void AssertSameCatalog(FeatureCatalog expected, FeatureCatalog actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((e.Code, e.Cxc, e.Name, e.Acronym, e.Domain), (a.Code, a.Cxc, a.Name, a.Acronym, a.Domain));
            Assert.Equal(e.Parameters, a.Parameters);
            Assert.Equal(e.Counters, a.Counters);
            Assert.Equal(e.Kpis, a.Kpis);
            Assert.Equal(e.Events, a.Events);
            Assert.Equal(e.Releases, a.Releases);
            Assert.Equal(e.Requires, a.Requires);
            Assert.Equal(e.Conflicts, a.Conflicts);
            Assert.Equal(e.Related, a.Related);
            Assert.Equal(i, actual.TryGetOrdinal(e.Code, out var ordinal) ? ordinal : -1);
        }
        Assert.Equal(expected.Warnings, actual.Warnings);
    }
}
