using Elex.Browser.IndexedDb;
using Elex.Storage;
using Microsoft.JSInterop;

namespace Elex.Browser.Tests;

public sealed class IndexedDbAgentStoreTests
{
    private readonly FakeIdbModule _module = new();

    private Task<IndexedDbAgentStore> OpenAsync() => IndexedDbAgentStore.OpenAsync(new FakeJsRuntime(_module), "test-db");

    [Fact]
    public async Task A_batch_is_one_putBatch_call_carrying_every_record()
    {
        await using var store = await OpenAsync();
        _module.Answer = (f, _) => f == "putBatch" ? 4 : null;

        await store.WriteAsync(new StoreBatch
        {
            QTables = [new QTableRecord("agent-a", [1, 2])],
            Trajectories = [new TrajectoryRecord("agent-a", "000001", [3]), new TrajectoryRecord("agent-a", "000002", [4])],
            AgentStates = [new AgentStateRecord("agent-a", "{}")],
        });

        var (function, args) = Assert.Single(_module.Calls, c => c.Function == "putBatch");
        Assert.Same(_module, args[0]);
        var batch = Assert.IsType<IdbBatch>(args[1]);
        Assert.Equal([1, 2], Assert.Single(batch.QTables).Data);
        Assert.Equal(["000001", "000002"], batch.Trajectories.Select(t => t.TrajectoryId));
        Assert.Equal("{}", Assert.Single(batch.AgentStates).Json);
    }

    [Fact]
    public async Task An_empty_batch_touches_nothing()
    {
        await using var store = await OpenAsync();
        await store.WriteAsync(new StoreBatch());
        Assert.DoesNotContain(_module.Calls, c => c.Function == "putBatch");
    }

    [Fact]
    public async Task An_invalid_record_refuses_the_whole_batch_before_IndexedDB_sees_it()
    {
        await using var store = await OpenAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(new StoreBatch
        {
            QTables = [new QTableRecord("agent-a", [1])],
            Trajectories = [new TrajectoryRecord("agent-a", " ", [1])],
        }));
        Assert.Contains("not written", error.Message);
        Assert.DoesNotContain(_module.Calls, c => c.Function == "putBatch");
    }

    [Fact]
    public async Task A_quota_error_becomes_a_StoreException_that_says_so()
    {
        await using var store = await OpenAsync();
        _module.Answer = (f, _) => f == "putBatch"
            ? throw new JSException("[elex-idb:QUOTA] A batch of 1 records was rolled back: quota exhausted (QuotaExceededError)\nError: at putBatch (elex-idb.js:90)")
            : null;

        var error = await Assert.ThrowsAsync<StoreException>(() => store.WriteAsync(new StoreBatch { AgentStates = [new AgentStateRecord("agent-a", "{}")] }));

        Assert.Contains("storage quota is exhausted", error.Message);
        Assert.Contains("nothing of it was written", error.Message);
        Assert.DoesNotContain("elex-idb.js:90", error.Message);
        Assert.IsType<JSException>(error.InnerException);
    }

    [Fact]
    public async Task A_blocked_upgrade_on_open_becomes_a_StoreException_naming_the_other_tab()
    {
        var blocking = new BlockingOpenModule();

        var error = await Assert.ThrowsAsync<StoreException>(() => IndexedDbAgentStore.OpenAsync(new BlockingRuntime(blocking), "test-db"));

        Assert.Contains("blocked by another tab", error.Message);
        Assert.Contains("'test-db'", error.Message);
        Assert.True(blocking.Disposed);
    }

    [Fact]
    public async Task Loads_map_rows_back_to_records()
    {
        await using var store = await OpenAsync();
        _module.Answer = (f, _) => f switch
        {
            "loadQTables" => new[] { new IdbQTableRow("agent-b", [2]), new IdbQTableRow("agent-a", [1]) },
            "loadTrajectories" => new[] { new IdbTrajectoryRow("agent-a", "000001", [9]) },
            "loadAgentStates" => new[] { new IdbAgentStateRow("agent-a", "{\"x\":1}") },
            "statistics" => new[] { new IdbUsage(2, 2), new IdbUsage(1, 1), new IdbUsage(1, 7) },
            "getSetting" => "value",
            _ => null,
        };

        Assert.Equal(["agent-a", "agent-b"], (await store.LoadQTablesAsync()).Select(r => r.AgentId));
        Assert.Equal([9], Assert.Single(await store.LoadTrajectoriesAsync("agent-a")).Data);
        Assert.Equal("agent-a", _module.Calls.Single(c => c.Function == "loadTrajectories").Args[1]);
        Assert.Equal("{\"x\":1}", Assert.Single(await store.LoadAgentStatesAsync()).Json);
        Assert.Equal(new StoreUsage(1, 7), (await store.GetStatisticsAsync()).AgentStates);
        Assert.Equal("value", await store.GetSettingAsync("k"));
    }

    [Fact]
    public async Task A_disposed_store_refuses_calls_and_closes_the_database_once()
    {
        var store = await OpenAsync();
        await store.DisposeAsync();
        await store.DisposeAsync();

        Assert.Single(_module.Calls, c => c.Function == "close");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.LoadAgentStatesAsync());
    }

    [Theory]
    [InlineData("[elex-idb:QUOTA] x", IndexedDbFailureKind.Quota)]
    [InlineData("Error: [elex-idb:BLOCKED] x", IndexedDbFailureKind.Blocked)]
    [InlineData("[elex-idb:VERSION] x", IndexedDbFailureKind.Version)]
    [InlineData("[elex-idb:FAILED] x", IndexedDbFailureKind.Failed)]
    [InlineData("[elex-idb:QUOTA x", IndexedDbFailureKind.Failed)]
    [InlineData("QuotaExceededError without a tag", IndexedDbFailureKind.Failed)]
    [InlineData(null, IndexedDbFailureKind.Failed)]
    public void The_tag_names_the_failure(string? message, IndexedDbFailureKind expected) =>
        Assert.Equal(expected, IndexedDbFailure.KindOf(message));

    private sealed class BlockingRuntime(BlockingOpenModule module) : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult((TValue)(object)module);
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => ValueTask.FromResult((TValue)(object)module);
    }

    private sealed class BlockingOpenModule : IJSObjectReference
    {
        public bool Disposed { get; private set; }
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, CancellationToken.None, args);
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            throw new JSException("[elex-idb:BLOCKED] IndexedDB 'test-db' needs an upgrade to schema 1, but another tab holds it open");
        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
