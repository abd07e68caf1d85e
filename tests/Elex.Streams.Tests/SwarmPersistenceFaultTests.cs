using System.Reactive.Threading.Tasks;
using System.Reactive.Linq;
using Elex.Core.Learning;
using Elex.Storage;
using Elex.Streams.Persistence;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests;

/// <summary>Debounced persistence of a running swarm against a real SQLite file, with injected faults, in virtual time.</summary>
public class SwarmPersistenceFaultTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"elex-faults-{Guid.NewGuid():N}");
    private readonly TestScheduler _scheduler = new();

    public SwarmPersistenceFaultTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string StorePath => Path.Combine(_dir, "elex.db");

    private static readonly SwarmConfig Config = new()
    {
        Learning = new QLearningOptions { Epsilon = 0, MinEpsilon = 0, Seed = 3 },
        Persistence = new PersistencePolicy
        {
            Debounce = TimeSpan.FromMilliseconds(250),
            MaxDelay = TimeSpan.FromSeconds(2),
            WriteTimeout = TimeSpan.FromSeconds(5),
            InitialBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromSeconds(10),
        },
    };

    private async Task<(ElexSwarm Swarm, FaultyStore Store)> Start()
    {
        var store = new FaultyStore(await SqliteAgentStore.OpenAsync(StorePath));
        var swarm = await ElexSwarm.CreateAsync(TestCatalog.Sample, Config, store, _scheduler, TestCatalog.Router);
        return (swarm, store);
    }

    private static Task<PersistenceStatus> Until(ElexSwarm swarm, Func<PersistenceStatus, bool> condition) =>
        swarm.Persistence.FirstAsync(condition).ToTask().WaitAsync(Guard);

    private void Advance(TimeSpan by) => _scheduler.AdvanceBy(by.Ticks);

    [Fact]
    public async Task Changes_AreWrittenAfterTheDebounce_NotBefore()
    {
        var (swarm, store) = await Start();
        await using var _ = store;
        await using var __ = swarm;
        await swarm.QueryAsync("what is MSM?");
        await swarm.QueryAsync("MSM counters");
        Advance(TimeSpan.FromMilliseconds(249));
        Assert.Equal(0, store.Writes);
        Advance(TimeSpan.FromMilliseconds(1));
        var status = await Until(swarm, s => s.Writes == 1);
        Assert.Equal(1, store.Writes);
        Assert.Equal(1, status.AgentsPersisted);
        var stored = Assert.Single(await store.LoadAgentStatesAsync());
        Assert.Equal("agent-FAJ_121_3094", stored.AgentId);
        Assert.Contains("\"interactions\":2", stored.Json);
    }

    [Fact]
    public async Task ThrowingStore_KeepsAnswering_ReportsTheFault_RetriesWithBackoff_AndLosesNothing()
    {
        var (swarm, store) = await Start();
        await using var _ = store;
        await using var __ = swarm;
        store.ThrowNext(2);
        await swarm.QueryAsync("what is MSM?");
        Advance(TimeSpan.FromMilliseconds(250));
        var failing = await Until(swarm, s => s.ConsecutiveFailures == 1);
        Assert.False(failing.Healthy);
        Assert.Contains("injected fault", failing.LastError);
        Assert.Equal(TimeSpan.FromMilliseconds(100), failing.RetryIn);

        // The pipeline keeps answering while the store fails.
        var answer = await swarm.QueryAsync("what is IFLB?");
        Assert.Equal("FAJ 121 3009", answer.FeatureCode);

        Advance(TimeSpan.FromMilliseconds(100));
        failing = await Until(swarm, s => s.ConsecutiveFailures == 2);
        Assert.Equal(TimeSpan.FromMilliseconds(200), failing.RetryIn);
        Advance(TimeSpan.FromMilliseconds(199));
        Assert.Equal(2, store.Writes);
        Advance(TimeSpan.FromMilliseconds(1));
        var healthy = await Until(swarm, s => s.Writes == 1);
        Assert.True(healthy.Healthy);
        Assert.Equal(2, healthy.Failures);
        Assert.Null(healthy.LastError);
        Assert.Equal(["agent-FAJ_121_3009", "agent-FAJ_121_3094"], (await store.LoadAgentStatesAsync()).Select(s => s.AgentId).Order());
    }

    [Fact]
    public async Task HangingStore_TimesOut_IsCancelled_AndTheRetryWrites()
    {
        var (swarm, store) = await Start();
        await using var _ = store;
        await using var __ = swarm;
        store.HangNext();
        await swarm.QueryAsync("what is MSM?");
        Advance(TimeSpan.FromMilliseconds(250));
        Advance(TimeSpan.FromSeconds(5));
        var timedOut = await Until(swarm, s => s.ConsecutiveFailures == 1);
        Assert.Contains("did not finish writing", timedOut.LastError);
        Assert.Equal(1, store.CancelledWrites);
        Advance(TimeSpan.FromMilliseconds(100));
        await Until(swarm, s => s.Writes == 1);
        Assert.Single(await store.LoadAgentStatesAsync());
    }

    [Fact]
    public async Task Feedback_IsAcknowledgedOnlyOnceDurable_EvenThroughStoreFaults()
    {
        var (swarm, store) = await Start();
        await using var _ = store;
        await using var __ = swarm;
        var response = await swarm.QueryAsync("which counters show MSM is working?");
        store.ThrowNext(1);
        var feedback = swarm.FeedbackAsync(Feedback.ForResponse(response.ResponseId, 1f, true));
        var failed = await Until(swarm, s => s.ConsecutiveFailures == 1);
        Assert.False(feedback.IsCompleted);
        Advance(failed.RetryIn!.Value);
        var result = await feedback.WaitAsync(Guard);
        Assert.True(result.Applied);

        // What the store holds now is the learned Q-value.
        var learned = swarm.Registry.LearnerFor(Elex.Core.Catalog.FeatureCode.Parse(response.FeatureCode!))!;
        var stored = QTable.FromBytes(Assert.Single(await store.LoadQTablesAsync()).Data);
        var state = response.LearningState!.Value;
        Assert.NotEqual(0f, stored.Get(state, response.Strategy));
        Assert.Equal(learned.QValue(state, response.Strategy), stored.Get(state, response.Strategy));
    }

    [Fact]
    public async Task CorruptRow_IsQuarantinedByName_AndTheRestLoads()
    {
        var (seed, seedStore) = await Start();
        await seed.QueryAsync("what is MSM?");
        await seed.DisposeAsync();
        await seedStore.DisposeAsync();

        var store = new FaultyStore(await SqliteAgentStore.OpenAsync(StorePath));
        store.ExtraStates.Add(new AgentStateRecord("agent-FAJ_121_3009", "{\"interactions\": \u0000 garbage"));
        await using var _ = store;
        await using var swarm = await ElexSwarm.CreateAsync(TestCatalog.Sample, Config, store, _scheduler, TestCatalog.Router);
        Assert.Contains(swarm.RestoreProblems, p => p.Contains("agent-FAJ_121_3009", StringComparison.Ordinal));
        Assert.Equal(1, swarm.GetAgentStats("FAJ 121 3094")!.Interactions);
        Assert.Equal("{\"interactions\": \u0000 garbage", await store.GetSettingAsync("quarantine/agent-FAJ_121_3009"));
    }
}
