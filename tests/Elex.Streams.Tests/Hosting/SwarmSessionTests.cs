using Elex.Core.Learning;
using Elex.Storage;
using Elex.Streams.Hosting;

namespace Elex.Streams.Tests.Hosting;

/// <summary>The one owner of a swarm and its store: restore on start, the last write before the store closes, no store leaked on failure.</summary>
public sealed class SwarmSessionTests : IDisposable
{
    private const string MsmQuestion = "which counters show MSM is working?";
    private const string MsmAgent = "agent-FAJ_121_3094";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"elex-session-{Guid.NewGuid():N}");
    private readonly List<RecordingStore> _opened = [];

    public SwarmSessionTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string StorePath => Path.Combine(_dir, "elex.db");

    // Opens the SQLite file behind a recorder, remembering every store it opened.
    private async Task<IAgentStore> OpenRecorded(CancellationToken cancellationToken, Action<RecordingStore>? configure = null)
    {
        var store = new RecordingStore(await SqliteAgentStore.OpenAsync(StorePath, cancellationToken: cancellationToken));
        configure?.Invoke(store);
        _opened.Add(store);
        return store;
    }

    private Task<SwarmSession> Start(Func<CancellationToken, Task<IAgentStore>>? openStore) =>
        SwarmSession.StartAsync(TestCatalog.Sample, new SwarmConfig(), openStore, router: TestCatalog.Router);

    [Fact]
    public async Task A_new_session_over_the_same_store_restores_what_the_last_one_learned()
    {
        await using (var first = await Start(ct => OpenRecorded(ct)))
        {
            var answer = await first.Swarm.QueryAsync(MsmQuestion);
            Assert.True((await first.Swarm.FeedbackAsync(Feedback.ForResponse(answer.ResponseId, 1, true))).Applied);
        }

        await using var second = await Start(ct => OpenRecorded(ct));

        var stats = second.Swarm.GetAgentStats(MsmAgent)!;
        Assert.Equal(1, stats.Interactions);
        Assert.Equal(1, stats.QTableEntries);
        Assert.Empty(second.RestoreProblems);
        Assert.True(second.Persists);
    }

    [Fact]
    public async Task Records_that_cannot_be_restored_are_reported_and_the_rest_loads()
    {
        await using (var first = await Start(ct => OpenRecorded(ct)))
        {
            await first.Swarm.QueryAsync(MsmQuestion);
        }
        await using (var store = await SqliteAgentStore.OpenAsync(StorePath))
        {
            await store.WriteAsync(new StoreBatch { AgentStates = [new AgentStateRecord("agent-FAJ_121_3009", "{ not json")] });
        }

        await using var second = await Start(ct => OpenRecorded(ct));

        Assert.Contains("agent-FAJ_121_3009", Assert.Single(second.RestoreProblems));
        Assert.Equal(1, second.Swarm.GetAgentStats(MsmAgent)!.Interactions);
    }

    [Fact]
    public async Task Disposing_writes_the_swarms_learning_before_the_store_closes_and_only_once()
    {
        var session = await Start(ct => OpenRecorded(ct));
        await session.Swarm.QueryAsync(MsmQuestion);

        await session.DisposeAsync();
        await session.DisposeAsync();

        var events = _opened.Single().Events;
        Assert.Equal("dispose", events[^1]);
        Assert.Equal(1, events.Count(e => e == "dispose"));
        Assert.Equal("write", events[^2]);
        await using var reopened = await SqliteAgentStore.OpenAsync(StorePath);
        Assert.Contains(await reopened.LoadAgentStatesAsync(), s => s.AgentId == MsmAgent);
    }

    [Fact]
    public async Task A_last_write_that_fails_still_closes_the_store_and_reports_the_failure()
    {
        var session = await Start(ct => OpenRecorded(ct));
        await session.Swarm.QueryAsync(MsmQuestion);
        _opened.Single().FailWrites = true;

        var failure = await Assert.ThrowsAsync<StoreException>(() => session.DisposeAsync().AsTask());

        Assert.Contains("disk I/O error", failure.Message);
        Assert.Equal(["dispose"], _opened.Single().Events.Where(e => e == "dispose"));
    }

    [Fact]
    public async Task A_restore_that_fails_closes_the_store_it_opened_and_fails_the_start()
    {
        var failure = await Assert.ThrowsAsync<StoreException>(() => Start(ct => OpenRecorded(ct, store => store.FailLoads = true)));

        Assert.Contains("malformed", failure.Message);
        Assert.Equal("dispose", Assert.Single(_opened).Events[^1]);
    }

    [Fact]
    public async Task A_store_that_cannot_be_opened_fails_the_start_with_its_own_error()
    {
        var failure = await Assert.ThrowsAsync<StoreException>(() => Start(_ => throw new StoreException("IndexedDB is unavailable")));

        Assert.Equal("IndexedDB is unavailable", failure.Message);
    }

    [Fact]
    public async Task Without_a_store_the_swarm_answers_and_nothing_persists()
    {
        await using var session = await Start(openStore: null);

        var answer = await session.Swarm.QueryAsync(MsmQuestion);

        Assert.Equal("FAJ 121 3094", answer.FeatureCode);
        Assert.Null(session.Store);
        Assert.False(session.Persists);
        Assert.False(session.Swarm.GetPersistenceStatus().Enabled);
    }
}
