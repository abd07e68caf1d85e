using System.Text;
using Microsoft.Data.Sqlite;

namespace Elex.Storage.Tests;

public class SqliteAgentStoreTests
{
    private static StoreBatch Batch(string agent, int n = 1) => new()
    {
        QTables = [new QTableRecord(agent, [1, 2, 3, (byte)n])],
        Trajectories = Enumerable.Range(0, n).Select(i => new TrajectoryRecord(agent, $"t{i:D4}", [(byte)i])).ToList(),
        AgentStates = [new AgentStateRecord(agent, $$"""{"interactions":{{n}}}""")],
    };

    [Fact]
    public async Task WriteThenLoad_RoundTripsEveryStore()
    {
        using var dir = new TempDirectory();
        await using var store = await SqliteAgentStore.OpenAsync(dir.File("elex.db"));
        await store.WriteAsync(Batch("agent-a", 3));
        Assert.Equal([1, 2, 3, 3], Assert.Single(await store.LoadQTablesAsync()).Data);
        Assert.Equal(["t0000", "t0001", "t0002"], (await store.LoadTrajectoriesAsync("agent-a")).Select(t => t.TrajectoryId));
        Assert.Equal("""{"interactions":3}""", Assert.Single(await store.LoadAgentStatesAsync()).Json);
    }

    [Fact]
    public async Task Reopen_KeepsDataAndSchemaVersion()
    {
        using var dir = new TempDirectory();
        var path = dir.File("elex.db");
        await using (var store = await SqliteAgentStore.OpenAsync(path)) await store.WriteAsync(Batch("agent-a"));
        await using var reopened = await SqliteAgentStore.OpenAsync(path);
        Assert.Equal(1, reopened.SchemaVersion);
        Assert.Single(await reopened.LoadQTablesAsync());
    }

    [Fact]
    public async Task Write_SameKeys_Replaces()
    {
        using var dir = new TempDirectory();
        await using var store = await SqliteAgentStore.OpenAsync(dir.File("elex.db"));
        await store.WriteAsync(Batch("agent-a", 1));
        await store.WriteAsync(Batch("agent-a", 2));
        Assert.Equal(2, Assert.Single(await store.LoadQTablesAsync()).Data[3]);
        Assert.Equal(2, (await store.LoadTrajectoriesAsync()).Count);
    }

    [Fact]
    public async Task InvalidRecord_RejectsWholeBatch_KeepsWhatWasStored()
    {
        using var dir = new TempDirectory();
        await using var store = await SqliteAgentStore.OpenAsync(dir.File("elex.db"));
        await store.WriteAsync(Batch("agent-a"));
        var bad = Batch("agent-b") with { AgentStates = [new AgentStateRecord("", "{}")] };
        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(bad));
        Assert.Contains("no agent id", e.Message);
        Assert.Equal(["agent-a"], (await store.LoadQTablesAsync()).Select(q => q.AgentId));
    }

    [Fact]
    public async Task Statistics_CountRecordsAndBytesPerStore()
    {
        using var dir = new TempDirectory();
        await using var store = await SqliteAgentStore.OpenAsync(dir.File("elex.db"));
        await store.WriteAsync(Batch("agent-a", 2));
        await store.WriteAsync(Batch("agent-b", 1));
        var stats = await store.GetStatisticsAsync();
        Assert.Equal(new StoreUsage(2, 8), stats.QTables);
        Assert.Equal(new StoreUsage(3, 3), stats.Trajectories);
        Assert.Equal(2, stats.AgentStates.Records);
        Assert.Equal(1, stats.SchemaVersion);
    }

    [Fact]
    public async Task ClearAgent_RemovesOnlyThatAgent()
    {
        using var dir = new TempDirectory();
        await using var store = await SqliteAgentStore.OpenAsync(dir.File("elex.db"));
        await store.WriteAsync(Batch("agent-a", 2));
        await store.WriteAsync(Batch("agent-b", 2));
        await store.ClearAgentAsync("agent-a");
        Assert.Equal(["agent-b"], (await store.LoadAgentStatesAsync()).Select(s => s.AgentId));
        Assert.All(await store.LoadTrajectoriesAsync(), t => Assert.Equal("agent-b", t.AgentId));
    }

    [Fact]
    public async Task ConcurrentBatches_AllLand()
    {
        using var dir = new TempDirectory();
        await using var store = await SqliteAgentStore.OpenAsync(dir.File("elex.db"));
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => store.WriteAsync(Batch($"agent-{i:D2}", 2))));
        Assert.Equal(16, (await store.LoadQTablesAsync()).Count);
        Assert.Equal(32, (await store.LoadTrajectoriesAsync()).Count);
    }

    [Fact]
    public async Task NotADatabase_IsStoreExceptionNamingThePath()
    {
        using var dir = new TempDirectory();
        var path = dir.File("garbage.db");
        await File.WriteAllTextAsync(path, new string('x', 4096));
        var e = await Assert.ThrowsAsync<StoreException>(() => SqliteAgentStore.OpenAsync(path));
        Assert.Contains(path, e.Message);
        Assert.Equal(new string('x', 4096), await File.ReadAllTextAsync(path)); // left as it was
    }

    [Fact]
    public async Task NewerSchema_IsRefusedUntouched()
    {
        using var dir = new TempDirectory();
        var path = dir.File("elex.db");
        await using (var store = await SqliteAgentStore.OpenAsync(path)) await store.WriteAsync(Batch("agent-a"));
        await using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await raw.OpenAsync();
            await using var command = raw.CreateCommand();
            command.CommandText = "UPDATE meta SET value = '99' WHERE key = 'schema_version'";
            await command.ExecuteNonQueryAsync();
        }
        var e = await Assert.ThrowsAsync<StoreException>(() => SqliteAgentStore.OpenAsync(path));
        Assert.Contains("newer version", e.Message);
    }

    [Fact]
    public void DataDirectory_PrepareCreatesTheFolder()
    {
        using var dir = new TempDirectory();
        var nested = Path.Combine(dir.Path, "a", "b");
        var storePath = DataDirectory.PrepareStorePath(nested);
        Assert.True(Directory.Exists(nested));
        Assert.Equal(Path.Combine(nested, DataDirectory.StoreFileName), storePath);
    }

    [Fact]
    public void DataDirectory_Default_PrefersElexDataDir_ThenXdg_ThenThePlatformFolder()
    {
        static Func<string, string?> Environment(params (string Name, string Value)[] set) =>
            name => set.FirstOrDefault(v => v.Name == name).Value;
        Assert.Equal("/data/elex-here", DataDirectory.Default(Environment(("ELEX_DATA_DIR", "/data/elex-here"), ("XDG_DATA_HOME", "/xdg"))));
        Assert.Equal(Path.Combine("/xdg", "elex"), DataDirectory.Default(Environment(("ELEX_DATA_DIR", ""), ("XDG_DATA_HOME", "/xdg"))));
        var platform = DataDirectory.Default(Environment());
        Assert.Equal("elex", Path.GetFileName(platform));
        Assert.True(Path.IsPathRooted(platform), platform);
    }

    [Fact]
    public async Task Settings_SurviveReopen_AndDoNotTouchTheSchemaVersion()
    {
        using var dir = new TempDirectory();
        var path = dir.File("elex.db");
        await using (var store = await SqliteAgentStore.OpenAsync(path))
        {
            Assert.Null(await store.GetSettingAsync("identity"));
            await store.SetSettingAsync("identity", "first");
            await store.SetSettingAsync("identity", "second");
            await store.SetSettingAsync("schema_version", "999");
        }
        await using var reopened = await SqliteAgentStore.OpenAsync(path);
        Assert.Equal("second", await reopened.GetSettingAsync("identity"));
        Assert.Equal("999", await reopened.GetSettingAsync("schema_version"));
        Assert.Equal(1, reopened.SchemaVersion);
    }
}
