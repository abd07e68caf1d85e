using System.Text.Json;
using System.Text.Json.Nodes;
using static Elex.Storage.Tests.Encryption.EncryptedStores;

namespace Elex.Storage.Tests.Encryption;

/// <summary>Records altered or moved beneath the decorator are quarantined by name; the rest loads.</summary>
public class TamperTests
{
    private static async Task<string> ThreeAgentsAsync(TempDirectory dir)
    {
        var path = dir.File("elex.db");
        await using var store = await OpenAsync(path);
        foreach (var agent in new[] { "agent-a", "agent-b", "agent-c" }) await store.WriteAsync(Batch(agent));
        return path;
    }

    private static byte[] FlipOneByte(byte[] data, int index)
    {
        var copy = data.ToArray();
        copy[index] ^= 0x01;
        return copy;
    }

    [Theory]
    [InlineData(0)]   // nonce
    [InlineData(40)]  // ciphertext
    [InlineData(-1)]  // tag
    public async Task TamperedQTable_IsQuarantinedByName_OthersLoad(int index)
    {
        using var dir = new TempDirectory();
        var path = await ThreeAgentsAsync(dir);
        await WithPlainStoreAsync(path, async plain =>
        {
            var b = (await plain.LoadQTablesAsync()).Single(q => q.AgentId == "agent-b");
            await plain.WriteAsync(new StoreBatch { QTables = [b with { Data = FlipOneByte(b.Data, index < 0 ? b.Data.Length - 1 : index) }] });
        });

        await using var store = await OpenAsync(path);
        var loaded = await store.LoadQTablesAsync();
        Assert.Equal(["agent-a", "agent-c"], loaded.Select(q => q.AgentId));
        Assert.Equal(QTableBytes("agent-c"), loaded[1].Data);
        var quarantined = Assert.Single(store.Quarantined);
        Assert.Equal(("q_tables", "agent-b", (string?)null), (quarantined.Store, quarantined.AgentId, quarantined.TrajectoryId));
        Assert.StartsWith("The q_tables record of agent 'agent-b' failed authentication", quarantined.Message);
        Assert.Equal(3, (await store.LoadAgentStatesAsync()).Count); // other stores of the agent are unaffected
    }

    [Fact]
    public async Task TamperedTrajectory_IsQuarantinedByName_OthersLoad()
    {
        using var dir = new TempDirectory();
        var path = await ThreeAgentsAsync(dir);
        await WithPlainStoreAsync(path, async plain =>
        {
            var t = (await plain.LoadTrajectoriesAsync("agent-a")).Single(t => t.TrajectoryId == "t0001");
            await plain.WriteAsync(new StoreBatch { Trajectories = [t with { Data = FlipOneByte(t.Data, 20) }] });
        });

        await using var store = await OpenAsync(path);
        var loaded = await store.LoadTrajectoriesAsync();
        Assert.Equal(5, loaded.Count);
        Assert.DoesNotContain(loaded, t => t is { AgentId: "agent-a", TrajectoryId: "t0001" });
        Assert.Equal("The trajectories record 't0001' of agent 'agent-a' failed authentication: it was altered, moved from another agent or trajectory, or not written with this store's key.",
            Assert.Single(store.Quarantined).Message);
    }

    [Fact]
    public async Task TamperedAgentState_IsQuarantinedByName_OthersLoad()
    {
        using var dir = new TempDirectory();
        var path = await ThreeAgentsAsync(dir);
        await WithPlainStoreAsync(path, async plain =>
        {
            var s = (await plain.LoadAgentStatesAsync()).Single(s => s.AgentId == "agent-c");
            var envelope = JsonNode.Parse(s.Json)!.AsObject();
            var sealedBytes = Convert.FromBase64String(envelope["data"]!.GetValue<string>());
            envelope["data"] = Convert.ToBase64String(FlipOneByte(sealedBytes, 15));
            await plain.WriteAsync(new StoreBatch { AgentStates = [s with { Json = envelope.ToJsonString() }] });
        });

        await using var store = await OpenAsync(path);
        Assert.Equal([StateJson("agent-a"), StateJson("agent-b")], (await store.LoadAgentStatesAsync()).Select(s => s.Json));
        var quarantined = Assert.Single(store.Quarantined);
        Assert.Equal(("agent_state", "agent-c"), (quarantined.Store, quarantined.AgentId));
        Assert.Contains("failed authentication", quarantined.Reason);
    }

    [Fact]
    public async Task SwappedQTablesBetweenAgents_AreBothDetected()
    {
        using var dir = new TempDirectory();
        var path = await ThreeAgentsAsync(dir);
        await WithPlainStoreAsync(path, async plain =>
        {
            var q = (await plain.LoadQTablesAsync()).ToDictionary(r => r.AgentId, r => r.Data);
            await plain.WriteAsync(new StoreBatch { QTables = [new QTableRecord("agent-a", q["agent-b"]), new QTableRecord("agent-b", q["agent-a"])] });
        });

        await using var store = await OpenAsync(path);
        Assert.Equal(["agent-c"], (await store.LoadQTablesAsync()).Select(q => q.AgentId));
        Assert.Equal(["agent-a", "agent-b"], store.Quarantined.Select(q => q.AgentId));
        Assert.All(store.Quarantined, q => Assert.Equal("q_tables", q.Store));
    }

    [Fact]
    public async Task RecordsMovedBetweenTrajectoriesOrStores_AreDetected()
    {
        using var dir = new TempDirectory();
        var path = await ThreeAgentsAsync(dir);
        await WithPlainStoreAsync(path, async plain =>
        {
            var t = await plain.LoadTrajectoriesAsync("agent-a");
            var states = (await plain.LoadAgentStatesAsync()).ToDictionary(s => s.AgentId, s => s.Json);
            await plain.WriteAsync(new StoreBatch
            {
                // Same agent, other trajectory id; same agent, other store; other agent, same store.
                Trajectories = [new TrajectoryRecord("agent-a", "t0000", t[1].Data)],
                QTables = [new QTableRecord("agent-b", t[0].Data)],
                AgentStates = [new AgentStateRecord("agent-c", states["agent-a"])],
            });
        });

        await using var store = await OpenAsync(path);
        Assert.Equal(["t0001"], (await store.LoadTrajectoriesAsync("agent-a")).Select(t => t.TrajectoryId));
        Assert.Equal(["agent-a", "agent-c"], (await store.LoadQTablesAsync()).Select(q => q.AgentId));
        Assert.Equal(["agent-a", "agent-b"], (await store.LoadAgentStatesAsync()).Select(s => s.AgentId));
        Assert.Equal(
            ["agent_state/agent-c/", "q_tables/agent-b/", "trajectories/agent-a/t0000"],
            store.Quarantined.Select(q => $"{q.Store}/{q.AgentId}/{q.TrajectoryId}"));
    }

    [Fact]
    public async Task PlaintextWrittenWithoutThePassphrase_IsQuarantined_NotMixedIn()
    {
        using var dir = new TempDirectory();
        var path = await ThreeAgentsAsync(dir);
        await WithPlainStoreAsync(path, plain => plain.WriteAsync(Batch("agent-d", 1)));

        await using var store = await OpenAsync(path);
        Assert.DoesNotContain("agent-d", (await store.LoadQTablesAsync()).Select(q => q.AgentId));
        Assert.DoesNotContain("agent-d", (await store.LoadTrajectoriesAsync()).Select(t => t.AgentId));
        Assert.DoesNotContain("agent-d", (await store.LoadAgentStatesAsync()).Select(s => s.AgentId));
        Assert.Equal(3, store.Quarantined.Count);
        Assert.All(store.Quarantined, q => Assert.Equal("agent-d", q.AgentId));
        Assert.Contains("is not an encrypted envelope", store.Quarantined.Single(q => q.Store == "agent_state").Message);
    }

    [Fact]
    public async Task TruncatedRecord_IsQuarantinedWithItsLength()
    {
        using var dir = new TempDirectory();
        var path = await ThreeAgentsAsync(dir);
        await WithPlainStoreAsync(path, plain => plain.WriteAsync(new StoreBatch { QTables = [new QTableRecord("agent-a", new byte[27])] }));
        await using var store = await OpenAsync(path);
        Assert.Equal(2, (await store.LoadQTablesAsync()).Count);
        Assert.Contains("is 27 bytes, shorter than an encrypted record's 28-byte nonce and tag", Assert.Single(store.Quarantined).Message);
    }

    [Fact]
    public async Task Quarantine_FollowsTheLatestLoad_WritesAndClears()
    {
        using var dir = new TempDirectory();
        var path = await ThreeAgentsAsync(dir);
        await WithPlainStoreAsync(path, async plain =>
        {
            var q = (await plain.LoadQTablesAsync()).ToDictionary(r => r.AgentId, r => r.Data);
            await plain.WriteAsync(new StoreBatch { QTables = [new QTableRecord("agent-a", q["agent-b"]), new QTableRecord("agent-b", q["agent-a"])] });
        });
        await using var store = await OpenAsync(path);

        await store.LoadQTablesAsync();
        await store.LoadQTablesAsync();
        Assert.Equal(2, store.Quarantined.Count); // a second load reports, not accumulates

        await store.WriteAsync(new StoreBatch { QTables = [new QTableRecord("agent-a", QTableBytes("agent-a"))] });
        Assert.Equal(["agent-b"], store.Quarantined.Select(q => q.AgentId));
        await store.ClearAgentAsync("agent-b");
        Assert.Empty(store.Quarantined);
        Assert.Equal(["agent-a", "agent-c"], (await store.LoadQTablesAsync()).Select(q => q.AgentId));
        Assert.Empty(store.Quarantined);
    }

    [Fact]
    public async Task RecordsOfAnotherPassphrasesStore_DoNotDecrypt()
    {
        using var dir = new TempDirectory();
        var mine = await ThreeAgentsAsync(dir);
        var theirs = dir.File("theirs.db");
        await using (var other = await OpenAsync(theirs, "another passphrase")) await other.WriteAsync(Batch("agent-a"));
        byte[] foreign = [];
        await WithPlainStoreAsync(theirs, async plain => foreign = Assert.Single(await plain.LoadQTablesAsync()).Data);
        await WithPlainStoreAsync(mine, plain => plain.WriteAsync(new StoreBatch { QTables = [new QTableRecord("agent-a", foreign)] }));

        await using var store = await OpenAsync(mine);
        Assert.Equal(["agent-b", "agent-c"], (await store.LoadQTablesAsync()).Select(q => q.AgentId));
        Assert.Equal("agent-a", Assert.Single(store.Quarantined).AgentId);
    }
}
