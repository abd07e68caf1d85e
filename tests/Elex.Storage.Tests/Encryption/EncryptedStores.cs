using Elex.Storage.Encryption;

namespace Elex.Storage.Tests.Encryption;

/// <summary>Opening encrypted SQLite stores with a cheap key derivation, and the sample records the tests write.</summary>
internal static class EncryptedStores
{
    public const string Passphrase = "correct horse battery staple";

    // Tests are about the format and the policies, not about PBKDF2's cost.
    public static readonly EncryptionOptions Fast = new() { Iterations = 1_000 };

    public const string StateMarker = "STATE-MARKER-5b8e1d";

    public static async Task<EncryptedAgentStore> OpenAsync(string path, string passphrase = Passphrase, EncryptionOptions? options = null)
    {
        var inner = await SqliteAgentStore.OpenAsync(path);
        try
        {
            return await EncryptedAgentStore.OpenAsync(inner, passphrase, options ?? Fast);
        }
        catch
        {
            await inner.DisposeAsync();
            throw;
        }
    }

    /// <summary>Works on the file beneath the decorator, as anyone with the file but not the passphrase could.</summary>
    public static async Task WithPlainStoreAsync(string path, Func<SqliteAgentStore, Task> action)
    {
        await using var plain = await SqliteAgentStore.OpenAsync(path);
        await action(plain);
    }

    /// <summary>Recognisable Q-table bytes: not text, no short repeats.</summary>
    public static byte[] QTableBytes(string agentId) =>
        [.. Enumerable.Range(0, 64).Select(i => (byte)(i * 37 + 11)), .. System.Text.Encoding.UTF8.GetBytes(agentId)];

    public static byte[] TrajectoryBytes(string agentId, int i) => [.. QTableBytes(agentId).Reverse(), (byte)i];

    public static string StateJson(string agentId) => $$"""{"agent":"{{agentId}}","note":"{{StateMarker}}","interactions":42}""";

    public static StoreBatch Batch(string agentId, int trajectories = 2) => new()
    {
        QTables = [new QTableRecord(agentId, QTableBytes(agentId))],
        Trajectories = [.. Enumerable.Range(0, trajectories).Select(i => new TrajectoryRecord(agentId, $"t{i:D4}", TrajectoryBytes(agentId, i)))],
        AgentStates = [new AgentStateRecord(agentId, StateJson(agentId))],
    };

    public static bool Contains(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) => haystack.IndexOf(needle) >= 0;
}
