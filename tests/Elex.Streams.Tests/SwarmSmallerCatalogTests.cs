using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Storage;

namespace Elex.Streams.Tests;

/// <summary>
/// A store built with one catalog opened with a smaller one (a real SQLite file): the agents the
/// smaller catalog lacks are reported in one line, and neither their state nor the routes learned
/// for them is lost when the smaller swarm writes.
/// </summary>
public sealed class SwarmSmallerCatalogTests : IDisposable
{
    private const string IflbQuestion = "the second carrier sits idle while the first one is full";
    private static readonly FeatureCode Msm = FeatureCode.Parse("FAJ 121 3094");
    private static readonly FeatureCode Iflb = FeatureCode.Parse("FAJ 121 3009");
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"elex-smaller-{Guid.NewGuid():N}");

    public SwarmSmallerCatalogTests() => Directory.CreateDirectory(_dir);

    private string StorePath => Path.Combine(_dir, "elex.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static Task<ElexSwarm> Start(IAgentStore store, FeatureCatalog catalog) =>
        ElexSwarm.CreateAsync(catalog, new SwarmConfig(), store, router: FeatureRouter.Build(catalog));

    [Fact]
    public async Task AgentsOutsideTheCatalog_AreSummarisedOnce_AndKeptThroughARunWithoutThem()
    {
        await using (var store = await SqliteAgentStore.OpenAsync(StorePath))
        await using (var full = await Start(store, TestCatalog.Sample))
        {
            await full.QueryAsync("what is MSM?");
            await full.QueryAsync("what is IFLB?");
            var taught = await full.QueryAsync(IflbQuestion);
            Assert.True((await full.CorrectAsync(taught.ResponseId, Iflb.Value)).Applied);
        }

        var smaller = new FeatureCatalog([.. TestCatalog.Sample.Features.Where(f => f.Code != Msm && f.Code != Iflb)]);
        await using (var store = await SqliteAgentStore.OpenAsync(StorePath))
        await using (var partial = await Start(store, smaller))
        {
            var problem = Assert.Single(partial.RestoreProblems, p => p.Contains("stored agent", StringComparison.Ordinal));
            Assert.Equal("2 stored agents are not in the loaded catalog (FAJ 121 3009, FAJ 121 3094); their state is kept in the store", problem);
            // A correction here rewrites the learned routes, which must keep the one for IFLB.
            var other = await partial.QueryAsync("what is ANR?");
            Assert.True((await partial.CorrectAsync(other.ResponseId, "FAJ 121 0497")).Applied);
        }

        await using (var store = await SqliteAgentStore.OpenAsync(StorePath))
        await using (var again = await Start(store, TestCatalog.Sample))
        {
            Assert.DoesNotContain(again.RestoreProblems, p => p.Contains("stored agent", StringComparison.Ordinal));
            Assert.Equal(1, again.GetAgentStats(Msm.Value)!.Interactions);
            Assert.Equal(1, again.GetAgentStats(Iflb.Value)!.Interactions);
            Assert.True(again.Router.Memory.Knows(IflbQuestion, Iflb));
        }
    }

    [Fact]
    public void TheSummary_ShowsTheFirstFiveCodes_AndCountsTheRest()
    {
        var codes = Enumerable.Range(1, 42).Select(i => $"FAJ 121 {i:0000}").ToList();
        Assert.Equal("42 stored agents are not in the loaded catalog (FAJ 121 0001, FAJ 121 0002, FAJ 121 0003, FAJ 121 0004, FAJ 121 0005, … 37 more); their state is kept in the store",
            Persistence.StoredAgentsOutsideCatalog.Describe(codes));
    }
}
