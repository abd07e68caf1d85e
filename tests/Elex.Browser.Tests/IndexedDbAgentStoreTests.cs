using System.Text;
using Elex.Browser.IndexedDb;
using Elex.Storage;

namespace Elex.Browser.Tests;

public sealed class IndexedDbAgentStoreTests
{
    private readonly FakeIdbModule _module = new();

    private Task<IndexedDbAgentStore> OpenAsync() => IndexedDbAgentStore.OpenAsync(_module, "test-db");

    private static StoreBatch SampleBatch() => new()
    {
        QTables = [new QTableRecord("agent-a", [1, 2])],
        Trajectories = [new TrajectoryRecord("agent-a", "000001", [3]), new TrajectoryRecord("agent-a", "000002", [4])],
        AgentStates = [new AgentStateRecord("agent-a", "{\"name\":\"Schlafmodus é\"}")],
    };

    [Fact]
    public async Task A_batch_crosses_as_one_packet_carrying_every_record()
    {
        await using var store = await OpenAsync();

        await store.WriteAsync(SampleBatch());

        Assert.Single(_module.Calls, c => c == "putBatch");
        var sections = IdbPacket.ReadSections(Assert.Single(_module.Packets), 3);
        Assert.Equal([1, 2], Assert.Single(sections[0]).Payload.ToArray());
        Assert.Equal(["000001", "000002"], sections[1].Select(r => r.SubKey));
        Assert.Equal("{\"name\":\"Schlafmodus é\"}", Encoding.UTF8.GetString(Assert.Single(sections[2]).Payload.Span));
    }

    [Fact]
    public async Task What_was_written_loads_back_as_the_same_records()
    {
        await using var store = await OpenAsync();
        await store.WriteAsync(SampleBatch());
        await store.WriteAsync(new StoreBatch { QTables = [new QTableRecord("agent-0", [9])], Trajectories = [new TrajectoryRecord("agent-b", "000001", [5])] });

        Assert.Equal(["agent-0", "agent-a"], (await store.LoadQTablesAsync()).Select(r => r.AgentId));
        Assert.Equal([[3], [4]], (await store.LoadTrajectoriesAsync("agent-a")).Select(r => r.Data));
        Assert.Equal(3, (await store.LoadTrajectoriesAsync()).Count);
        Assert.Equal("{\"name\":\"Schlafmodus é\"}", Assert.Single(await store.LoadAgentStatesAsync()).Json);
        var statistics = await store.GetStatisticsAsync();
        Assert.Equal(new StoreUsage(2, 3), statistics.QTables);
        Assert.Equal(new StoreUsage(3, 3), statistics.Trajectories);
        Assert.Equal(1, statistics.SchemaVersion);
    }

    [Fact]
    public async Task Settings_and_clearing_an_agent_go_through_the_module()
    {
        await using var store = await OpenAsync();
        await store.WriteAsync(SampleBatch());
        await store.SetSettingAsync("sync.identity", "key");

        await store.ClearAgentAsync("agent-a");

        Assert.Equal("key", await store.GetSettingAsync("sync.identity"));
        Assert.Null(await store.GetSettingAsync("missing"));
        Assert.Empty(await store.LoadQTablesAsync());
        Assert.Empty(await store.LoadTrajectoriesAsync("agent-a"));
    }

    [Fact]
    public async Task A_write_records_its_split_the_module_phases_and_the_packet_size()
    {
        await using var store = await OpenAsync();
        _module.Phases = [1.5, 2.5, 4];

        await store.WriteAsync(SampleBatch());

        var timings = Assert.IsType<IdbWriteTimings>(store.LastWrite);
        Assert.Equal(Assert.Single(_module.Packets).Length, timings.Bytes);
        Assert.Equal((1.5, 2.5, 4.0), (timings.UnpackMs, timings.PutMs, timings.CommitMs));
        // The fake answers at once, so its phases exceed the call: the crossing is clamped at zero.
        Assert.Equal(0, timings.InteropMs);
    }

    [Fact]
    public async Task An_empty_batch_touches_nothing()
    {
        await using var store = await OpenAsync();
        await store.WriteAsync(new StoreBatch());
        Assert.DoesNotContain("putBatch", _module.Calls);
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
        Assert.DoesNotContain("putBatch", _module.Calls);
    }

    [Fact]
    public async Task A_quota_error_becomes_a_StoreException_that_says_so_and_keeps_what_was_stored()
    {
        await using var store = await OpenAsync();
        await store.WriteAsync(SampleBatch());
        _module.FailWith = call => call == "putBatch"
            ? "[elex-idb:QUOTA] A batch of 1 records was rolled back: quota exhausted (QuotaExceededError)\nError: at putBatch (elex-idb.js:90)"
            : null;

        var error = await Assert.ThrowsAsync<StoreException>(() => store.WriteAsync(new StoreBatch { AgentStates = [new AgentStateRecord("agent-a", "{}")] }));

        Assert.Contains("storage quota is exhausted", error.Message);
        Assert.Contains("nothing of it was written", error.Message);
        Assert.DoesNotContain("elex-idb.js:90", error.Message);
        Assert.IsType<IdbCallException>(error.InnerException);
        Assert.Equal("{\"name\":\"Schlafmodus é\"}", Assert.Single(await store.LoadAgentStatesAsync()).Json);
    }

    [Fact]
    public async Task A_blocked_upgrade_on_open_becomes_a_StoreException_naming_the_other_tab()
    {
        _module.FailWith = call => call == "open" ? "[elex-idb:BLOCKED] IndexedDB 'test-db' needs an upgrade to schema 1, but another tab holds it open" : null;

        var error = await Assert.ThrowsAsync<StoreException>(OpenAsync);

        Assert.Contains("blocked by another tab", error.Message);
        Assert.Contains("'test-db'", error.Message);
    }

    [Fact]
    public async Task No_IndexedDB_says_how_to_get_one()
    {
        _module.FailWith = call => call == "open" ? "[elex-idb:UNAVAILABLE] IndexedDB 'test-db' cannot be opened: this environment has no indexedDB" : null;

        var error = await Assert.ThrowsAsync<StoreException>(OpenAsync);

        Assert.Contains("no IndexedDB here", error.Message);
        Assert.Contains("enableIndexedDB: false", error.Message);
    }

    [Fact]
    public async Task Outside_WebAssembly_opening_says_where_IndexedDB_exists()
    {
        var error = await Assert.ThrowsAsync<StoreException>(() => IndexedDbAgentStore.OpenAsync("test-db"));
        Assert.Contains("only in a browser or Node", error.Message);
    }

    [Fact]
    public async Task A_damaged_load_packet_is_a_StoreException_naming_the_store()
    {
        var module = new DamagedLoadModule();
        await using var store = await IndexedDbAgentStore.OpenAsync(module, "test-db");

        var error = await Assert.ThrowsAsync<StoreException>(() => store.LoadQTablesAsync());

        Assert.Contains("loading q_tables", error.Message);
        Assert.Contains("cut short", error.Message);
    }

    [Fact]
    public async Task A_disposed_store_refuses_calls_and_closes_the_database_once()
    {
        var store = await OpenAsync();
        await store.DisposeAsync();
        await store.DisposeAsync();

        Assert.Equal(1, _module.Closed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.LoadAgentStatesAsync());
    }

    [Theory]
    [InlineData("[elex-idb:QUOTA] x", IndexedDbFailureKind.Quota)]
    [InlineData("Error: [elex-idb:BLOCKED] x", IndexedDbFailureKind.Blocked)]
    [InlineData("[elex-idb:VERSION] x", IndexedDbFailureKind.Version)]
    [InlineData("[elex-idb:UNAVAILABLE] x", IndexedDbFailureKind.Unavailable)]
    [InlineData("[elex-idb:FAILED] x", IndexedDbFailureKind.Failed)]
    [InlineData("[elex-idb:QUOTA x", IndexedDbFailureKind.Failed)]
    [InlineData("QuotaExceededError without a tag", IndexedDbFailureKind.Failed)]
    [InlineData(null, IndexedDbFailureKind.Failed)]
    public void The_tag_names_the_failure(string? message, IndexedDbFailureKind expected) =>
        Assert.Equal(expected, IndexedDbFailure.KindOf(message));

    private sealed class DamagedLoadModule : IIdbModule
    {
        public Task<int> OpenAsync(string name) => Task.FromResult(1);
        public int Version(int database) => 1;
        public Task<int> PutBatchAsync(int database, byte[] packet) => Task.FromResult(0);
        public Task<byte[]> LoadAsync(int database, string store, string? agentId) => Task.FromResult(new byte[] { 1, 0, 0, 0, 200, 0, 0, 0 });
        public Task ClearAgentAsync(int database, string agentId) => Task.CompletedTask;
        public Task<string?> GetSettingAsync(int database, string key) => Task.FromResult<string?>(null);
        public Task SetSettingAsync(int database, string key, string value) => Task.CompletedTask;
        public Task<long[]> StatisticsAsync(int database) => Task.FromResult(new long[6]);
        public void Close(int database)
        {
        }
    }
}
