using System.Text.Json;
using Elex.Storage.Encryption;
using static Elex.Storage.Tests.Encryption.EncryptedStores;

namespace Elex.Storage.Tests.Encryption;

public class EncryptedAgentStoreTests
{
    [Fact]
    public async Task WriteThenLoad_RoundTripsEveryStore()
    {
        using var dir = new TempDirectory();
        await using var store = await OpenAsync(dir.File("elex.db"));
        await store.WriteAsync(Batch("agent-a", 3));
        await store.WriteAsync(Batch("agent-b", 1));

        var qTables = await store.LoadQTablesAsync();
        Assert.Equal(["agent-a", "agent-b"], qTables.Select(q => q.AgentId));
        Assert.Equal(QTableBytes("agent-a"), qTables[0].Data);
        Assert.Equal(QTableBytes("agent-b"), qTables[1].Data);

        var trajectories = await store.LoadTrajectoriesAsync("agent-a");
        Assert.Equal(["t0000", "t0001", "t0002"], trajectories.Select(t => t.TrajectoryId));
        Assert.Equal(TrajectoryBytes("agent-a", 2), trajectories[2].Data);
        Assert.Equal(4, (await store.LoadTrajectoriesAsync()).Count);

        Assert.Equal([StateJson("agent-a"), StateJson("agent-b")], (await store.LoadAgentStatesAsync()).Select(s => s.Json));
        Assert.Empty(store.Quarantined);
    }

    [Fact]
    public async Task EmptyPayloads_RoundTrip()
    {
        using var dir = new TempDirectory();
        await using var store = await OpenAsync(dir.File("elex.db"));
        await store.WriteAsync(new StoreBatch
        {
            QTables = [new QTableRecord("agent-a", [])],
            Trajectories = [new TrajectoryRecord("agent-a", "t0", [])],
            AgentStates = [new AgentStateRecord("agent-a", "")],
        });
        Assert.Empty(Assert.Single(await store.LoadQTablesAsync()).Data);
        Assert.Empty(Assert.Single(await store.LoadTrajectoriesAsync()).Data);
        Assert.Equal("", Assert.Single(await store.LoadAgentStatesAsync()).Json);
    }

    [Fact]
    public async Task Reopen_WithTheRightPassphrase_ReadsEverything()
    {
        using var dir = new TempDirectory();
        var path = dir.File("elex.db");
        await using (var store = await OpenAsync(path))
        {
            await store.WriteAsync(Batch("agent-a", 2));
            await store.SetSettingAsync("identity", "node-1");
        }
        await using var reopened = await OpenAsync(path);
        Assert.Equal(QTableBytes("agent-a"), Assert.Single(await reopened.LoadQTablesAsync()).Data);
        Assert.Equal(2, (await reopened.LoadTrajectoriesAsync("agent-a")).Count);
        Assert.Equal(StateJson("agent-a"), Assert.Single(await reopened.LoadAgentStatesAsync()).Json);
        Assert.Equal("node-1", await reopened.GetSettingAsync("identity"));
        Assert.Equal(1, reopened.SchemaVersion);
    }

    [Fact]
    public async Task WrongPassphrase_IsClearStoreException_AndChangesNothing()
    {
        using var dir = new TempDirectory();
        var path = dir.File("elex.db");
        await using (var store = await OpenAsync(path)) await store.WriteAsync(Batch("agent-a"));
        string? settingBefore = null;
        await WithPlainStoreAsync(path, async plain => settingBefore = await plain.GetSettingAsync(EncryptedAgentStore.SettingKey));

        await using (var counting = new MutationCountingStore(await SqliteAgentStore.OpenAsync(path)))
        {
            var e = await Assert.ThrowsAsync<StoreException>(() => EncryptedAgentStore.OpenAsync(counting, "Correct horse battery staple", Fast));
            Assert.StartsWith("Wrong passphrase for this store", e.Message);
            Assert.Contains("Nothing was read or changed", e.Message);
            Assert.Equal(0, counting.Mutations);
        }

        await WithPlainStoreAsync(path, async plain =>
        {
            Assert.Equal(settingBefore, await plain.GetSettingAsync(EncryptedAgentStore.SettingKey));
            Assert.Single(await plain.LoadQTablesAsync());
        });
        await using var reopened = await OpenAsync(path);
        Assert.Equal(QTableBytes("agent-a"), Assert.Single(await reopened.LoadQTablesAsync()).Data);
    }

    [Fact]
    public async Task UnencryptedStoreWithRecords_IsRefusedUntouched()
    {
        using var dir = new TempDirectory();
        var path = dir.File("elex.db");
        await WithPlainStoreAsync(path, plain => plain.WriteAsync(Batch("agent-a", 2)));

        await using (var counting = new MutationCountingStore(await SqliteAgentStore.OpenAsync(path)))
        {
            var e = await Assert.ThrowsAsync<StoreException>(() => EncryptedAgentStore.OpenAsync(counting, Passphrase, Fast));
            Assert.Contains("not encrypted and already holds 4 records", e.Message);
            Assert.Contains("nothing was changed", e.Message);
            Assert.Equal(0, counting.Mutations);
            Assert.False(await EncryptedAgentStore.IsEncryptedAsync(counting));
        }
        await WithPlainStoreAsync(path, async plain =>
            Assert.Equal(StateJson("agent-a"), Assert.Single(await plain.LoadAgentStatesAsync()).Json));
    }

    [Fact]
    public async Task UnencryptedStoreWithOnlySettings_CanStartEncrypted()
    {
        using var dir = new TempDirectory();
        var path = dir.File("elex.db");
        await WithPlainStoreAsync(path, plain => plain.SetSettingAsync("identity", "node-1"));
        await using var store = await OpenAsync(path);
        Assert.True(await EncryptedAgentStore.IsEncryptedAsync(store));
        Assert.Equal("node-1", await store.GetSettingAsync("identity"));
    }

    [Fact]
    public async Task FirstOpen_StoresKdfParametersAndKeyCheck_NotTheKey()
    {
        using var dir = new TempDirectory();
        var path = dir.File("elex.db");
        await using (var store = await OpenAsync(path, options: new EncryptionOptions())) { }
        string json = "";
        await WithPlainStoreAsync(path, async plain => json = (await plain.GetSettingAsync("encryption"))!);

        using var metadata = JsonDocument.Parse(json);
        var root = metadata.RootElement;
        Assert.Equal("aes-256-gcm/1", root.GetProperty("format").GetString());
        Assert.Equal("pbkdf2-hmac-sha256", root.GetProperty("kdf").GetString());
        Assert.Equal(EncryptionOptions.DefaultIterations, root.GetProperty("iterations").GetInt32());
        Assert.Equal(210_000, EncryptionOptions.DefaultIterations);
        Assert.Equal(16, root.GetProperty("salt").GetBytesFromBase64().Length);
        Assert.Equal(12 + 22 + 16, root.GetProperty("check").GetBytesFromBase64().Length); // nonce + constant + tag
    }

    [Fact]
    public async Task Reopen_UsesTheStoredIterations_NotTheOptions()
    {
        using var dir = new TempDirectory();
        var path = dir.File("elex.db");
        await using (var store = await OpenAsync(path, options: new EncryptionOptions { Iterations = 1_000 })) await store.WriteAsync(Batch("agent-a"));
        await using var reopened = await OpenAsync(path, options: new EncryptionOptions { Iterations = 2_000 });
        Assert.Single(await reopened.LoadQTablesAsync());
        Assert.Contains("\"iterations\":1000", await reopened.GetSettingAsync("encryption"));
    }

    [Fact]
    public async Task TwoStores_SamePassphrase_GetDifferentSalts()
    {
        using var dir = new TempDirectory();
        await using var first = await OpenAsync(dir.File("a.db"));
        await using var second = await OpenAsync(dir.File("b.db"));
        using var a = JsonDocument.Parse((await first.GetSettingAsync("encryption"))!);
        using var b = JsonDocument.Parse((await second.GetSettingAsync("encryption"))!);
        Assert.NotEqual(a.RootElement.GetProperty("salt").GetString(), b.RootElement.GetProperty("salt").GetString());
    }

    [Fact]
    public async Task SameRecordWrittenTwice_GetsFreshNonce()
    {
        using var dir = new TempDirectory();
        var path = dir.File("elex.db");
        await using (var store = await OpenAsync(path)) await store.WriteAsync(Batch("agent-a", 0));
        byte[] first = [];
        await WithPlainStoreAsync(path, async plain => first = Assert.Single(await plain.LoadQTablesAsync()).Data);
        await using (var store = await OpenAsync(path)) await store.WriteAsync(Batch("agent-a", 0));
        byte[] second = [];
        await WithPlainStoreAsync(path, async plain => second = Assert.Single(await plain.LoadQTablesAsync()).Data);

        Assert.NotEqual(first[..12], second[..12]);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Statistics_PassThrough_CountingCiphertextBytes()
    {
        using var dir = new TempDirectory();
        await using var store = await OpenAsync(dir.File("elex.db"));
        await store.WriteAsync(new StoreBatch
        {
            QTables = [new QTableRecord("agent-a", [1, 2, 3, 4])],
            Trajectories = [new TrajectoryRecord("agent-a", "t0", [1]), new TrajectoryRecord("agent-a", "t1", [])],
        });
        var stats = await store.GetStatisticsAsync();
        Assert.Equal(new StoreUsage(1, 4 + 28), stats.QTables);
        Assert.Equal(new StoreUsage(2, 1 + 28 + 28), stats.Trajectories);
        Assert.Equal(new StoreUsage(0, 0), stats.AgentStates);
        Assert.Equal(1, stats.SchemaVersion);
    }

    [Fact]
    public async Task ClearAgent_PassesThrough()
    {
        using var dir = new TempDirectory();
        await using var store = await OpenAsync(dir.File("elex.db"));
        await store.WriteAsync(Batch("agent-a"));
        await store.WriteAsync(Batch("agent-b"));
        await store.ClearAgentAsync("agent-a");
        Assert.Equal(["agent-b"], (await store.LoadQTablesAsync()).Select(q => q.AgentId));
        Assert.All(await store.LoadTrajectoriesAsync(), t => Assert.Equal("agent-b", t.AgentId));
        Assert.Equal(["agent-b"], (await store.LoadAgentStatesAsync()).Select(s => s.AgentId));
    }

    [Fact]
    public async Task Settings_PassThroughInClear_ButTheEncryptionSettingIsReserved()
    {
        using var dir = new TempDirectory();
        var path = dir.File("elex.db");
        await using (var store = await OpenAsync(path))
        {
            await store.SetSettingAsync("identity", "node-1");
            var before = await store.GetSettingAsync("encryption");
            var e = await Assert.ThrowsAsync<ArgumentException>(() => store.SetSettingAsync("encryption", "{}"));
            Assert.Contains("cannot be replaced", e.Message);
            Assert.Equal(before, await store.GetSettingAsync("encryption"));
        }
        await WithPlainStoreAsync(path, async plain => Assert.Equal("node-1", await plain.GetSettingAsync("identity")));
    }

    [Fact]
    public async Task Arguments_AreChecked()
    {
        using var dir = new TempDirectory();
        await using var inner = await SqliteAgentStore.OpenAsync(dir.File("elex.db"));
        await Assert.ThrowsAsync<ArgumentNullException>(() => EncryptedAgentStore.OpenAsync(null!, Passphrase, Fast));
        await Assert.ThrowsAsync<ArgumentNullException>(() => EncryptedAgentStore.OpenAsync(inner, null!, Fast));
        await Assert.ThrowsAsync<ArgumentException>(() => EncryptedAgentStore.OpenAsync(inner, "", Fast));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => EncryptedAgentStore.OpenAsync(inner, Passphrase, new EncryptionOptions { Iterations = 0 }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => EncryptedAgentStore.IsEncryptedAsync(null!));
        Assert.Null(await inner.GetSettingAsync("encryption")); // refused arguments created nothing
    }

    [Fact]
    public async Task InvalidRecord_RejectsWholeBatch()
    {
        using var dir = new TempDirectory();
        await using var store = await OpenAsync(dir.File("elex.db"));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.WriteAsync(null!));
        var noAgent = Batch("agent-a") with { AgentStates = [new AgentStateRecord("", "{}")] };
        Assert.Contains("no agent id", (await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(noAgent))).Message);
        var noData = Batch("agent-a") with { QTables = [new QTableRecord("agent-a", null!)] };
        Assert.Contains("has no data", (await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(noData))).Message);
        Assert.Equal(0, (await store.GetStatisticsAsync()).Trajectories.Records);
    }

    [Fact]
    public async Task CorruptEncryptionSetting_IsStoreExceptionNamingIt()
    {
        using var dir = new TempDirectory();
        var path = dir.File("elex.db");
        await using (var store = await OpenAsync(path)) { }
        string good = "";
        await WithPlainStoreAsync(path, async plain => good = (await plain.GetSettingAsync("encryption"))!);

        foreach (var (bad, expected) in new[]
                 {
                     ("not json", "is not JSON"),
                     (good.Replace("\"iterations\":1000", "\"iterations\":2000000000"), "'iterations' is 2000000000"),
                     (good.Replace("aes-256-gcm/1", "aes-256-gcm/9"), "encrypted as 'aes-256-gcm/9'"),
                 })
        {
            await WithPlainStoreAsync(path, plain => plain.SetSettingAsync("encryption", bad));
            var e = await Assert.ThrowsAsync<StoreException>(() => OpenAsync(path));
            Assert.Contains(expected, e.Message);
            Assert.Contains("Nothing was read or changed", e.Message);
        }
    }
}
