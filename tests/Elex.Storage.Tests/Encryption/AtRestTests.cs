using System.Text;
using System.Text.RegularExpressions;
using Elex.Storage.Encryption;
using static Elex.Storage.Tests.Encryption.EncryptedStores;

namespace Elex.Storage.Tests.Encryption;

/// <summary>What someone holding the file, but not the passphrase, can see.</summary>
public partial class AtRestTests
{
    private static async Task<byte[]> RawStoreBytesAsync(TempDirectory dir)
    {
        // The database and whatever journal files SQLite left beside it.
        var bytes = new List<byte>();
        foreach (var file in Directory.GetFiles(dir.Path, "elex.db*").Order(StringComparer.Ordinal))
            bytes.AddRange(await File.ReadAllBytesAsync(file));
        return [.. bytes];
    }

    private static readonly byte[] Marker = Encoding.UTF8.GetBytes(StateMarker);

    [Fact]
    public async Task PlainStoreFile_ShowsTheMarkers_SoTheSearchBelowCanFail()
    {
        using var dir = new TempDirectory();
        await WithPlainStoreAsync(dir.File("elex.db"), plain => plain.WriteAsync(Batch("agent-a")));
        var raw = await RawStoreBytesAsync(dir);
        Assert.True(Contains(raw, Marker));
        Assert.True(Contains(raw, QTableBytes("agent-a")));
        Assert.True(Contains(raw, TrajectoryBytes("agent-a", 1)));
    }

    [Fact]
    public async Task EncryptedStoreFile_HoldsNoPlaintext()
    {
        using var dir = new TempDirectory();
        await using (var store = await OpenAsync(dir.File("elex.db"))) await store.WriteAsync(Batch("agent-a"));
        var raw = await RawStoreBytesAsync(dir);
        Assert.False(Contains(raw, Marker));
        Assert.False(Contains(raw, Encoding.UTF8.GetBytes("interactions")));
        Assert.False(Contains(raw, QTableBytes("agent-a").AsSpan(0, 16)));
        Assert.False(Contains(raw, TrajectoryBytes("agent-a", 1).AsSpan(0, 16)));
        Assert.False(Contains(raw, Encoding.UTF8.GetBytes(Passphrase)));
        Assert.True(Contains(raw, "agent-a"u8)); // ids are keys and stay in clear
    }

    [Fact]
    public async Task InnerStore_SeesOnlyCiphertextAndEnvelopes()
    {
        using var dir = new TempDirectory();
        var path = dir.File("elex.db");
        await using (var store = await OpenAsync(path)) await store.WriteAsync(Batch("agent-a", 2));

        await WithPlainStoreAsync(path, async plain =>
        {
            Assert.True(await EncryptedAgentStore.IsEncryptedAsync(plain));
            var q = Assert.Single(await plain.LoadQTablesAsync());
            Assert.Equal("agent-a", q.AgentId);
            Assert.Equal(QTableBytes("agent-a").Length + 28, q.Data.Length);
            Assert.False(Contains(q.Data, QTableBytes("agent-a").AsSpan(0, 8)));

            var trajectories = await plain.LoadTrajectoriesAsync("agent-a");
            Assert.Equal(["t0000", "t0001"], trajectories.Select(t => t.TrajectoryId));
            Assert.All(trajectories, t => Assert.False(Contains(t.Data, TrajectoryBytes("agent-a", 0).AsSpan(0, 8))));

            var state = Assert.Single(await plain.LoadAgentStatesAsync());
            Assert.Matches(EnvelopePattern(), state.Json);
            Assert.DoesNotContain(StateMarker, state.Json);
        });
    }

    [GeneratedRegex("""^\{"enc":"aes-256-gcm/1","data":"[A-Za-z0-9+/]+=*"\}$""")]
    private static partial Regex EnvelopePattern();
}
