using Elex.Core.Catalog;
using Elex.Core.Responses;
using Elex.Core.Routing;
using Elex.Storage;

namespace Elex.Streams.Tests;

/// <summary>
/// `elex feedback --correct`: naming the right feature teaches the router, on a real SQLite file,
/// and a new swarm over the same store routes the question there. Each swarm gets its own router
/// (a router's memory is state; the shared test router stays untaught).
/// </summary>
public sealed class SwarmCorrectionTests : IDisposable
{
    private const string Question = "the second carrier sits idle while the first one is full";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"elex-correct-{Guid.NewGuid():N}");

    private string StorePath => Path.Combine(_dir, "elex.db");

    private static Task<ElexSwarm> Start(IAgentStore store) =>
        ElexSwarm.CreateAsync(TestCatalog.Sample, new SwarmConfig(), store, router: FeatureRouter.Build(TestCatalog.Sample));

    [Fact]
    public async Task ACorrection_IsLearned_Stored_AndRestoredByTheNextSwarm()
    {
        Directory.CreateDirectory(_dir);
        string responseId;
        await using (var store = await SqliteAgentStore.OpenAsync(StorePath))
        await using (var swarm = await Start(store))
        {
            var first = await swarm.QueryAsync(Question);
            Assert.NotEqual("FAJ 121 3009", first.FeatureCode);
            responseId = first.ResponseId;
            var corrected = await swarm.CorrectAsync(responseId, "FAJ 121 3009");
            Assert.True(corrected.Applied, corrected.Message);
            Assert.Equal(1, corrected.LearnedRoutes);
            Assert.Equal("FAJ 121 3009", (await swarm.QueryAsync(Question)).FeatureCode);
        }
        await using (var store = await SqliteAgentStore.OpenAsync(StorePath))
        await using (var swarm = await Start(store))
        {
            Assert.Empty(swarm.RestoreProblems);
            var again = await swarm.QueryAsync(Question);
            Assert.Equal("FAJ 121 3009", again.FeatureCode);
            Assert.Contains(again.Evidence, e => e.Contains("Learned", StringComparison.Ordinal));
            // The earlier run's response id is still known, so it can be corrected once more.
            Assert.True((await swarm.CorrectAsync(responseId, "FAJ 121 3094")).Applied);
        }
    }

    [Fact]
    public async Task UnknownResponseOrFeature_LearnsNothing_AndSaysWhy()
    {
        await using var swarm = await ElexSwarm.CreateAsync(TestCatalog.Sample, router: FeatureRouter.Build(TestCatalog.Sample));
        var response = await swarm.QueryAsync(Question);
        var unknown = await swarm.CorrectAsync("r-nope", "FAJ 121 3009");
        Assert.False(unknown.Applied);
        Assert.Contains("r-nope", unknown.Message);
        var badCode = await swarm.CorrectAsync(response.ResponseId, "FAJ 999 9999");
        Assert.False(badCode.Applied);
        Assert.Contains("FAJ 999 9999", badCode.Message);
        Assert.Equal(0, swarm.Router.Memory.Count);
    }

    [Fact]
    public async Task AnUnsureResponse_CanBeCorrected()
    {
        await using var swarm = await ElexSwarm.CreateAsync(TestCatalog.Sample, router: FeatureRouter.Build(TestCatalog.Sample));
        var unsure = await swarm.QueryAsync("set sleepMode to 2 on cell X");
        Assert.Equal(ResponseStatus.Unsure, unsure.Status);
        Assert.True((await swarm.CorrectAsync(unsure.ResponseId, "FAJ 121 3094")).Applied);
        var again = await swarm.QueryAsync("set sleepMode to 2 on cell X");
        Assert.Equal(ResponseStatus.Answered, again.Status);
        Assert.Equal("FAJ 121 3094", again.FeatureCode);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
