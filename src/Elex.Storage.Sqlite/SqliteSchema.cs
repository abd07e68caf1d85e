using Microsoft.Data.Sqlite;

namespace Elex.Storage;

/// <summary>The store's schema as numbered migrations; a store is migrated forward on open, never backward.</summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        // 1: the three stores of the seed.
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE q_tables (agent_id TEXT PRIMARY KEY, data BLOB NOT NULL, updated_at INTEGER NOT NULL);
        CREATE TABLE trajectories (agent_id TEXT NOT NULL, trajectory_id TEXT NOT NULL, data BLOB NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (agent_id, trajectory_id));
        CREATE TABLE agent_state (agent_id TEXT PRIMARY KEY, json TEXT NOT NULL, updated_at INTEGER NOT NULL);
        """,
    ];

    /// <summary>The version a fully migrated store has.</summary>
    public static int Latest => Migrations.Length;

    public static async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var version = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        if (version > Latest)
            throw new StoreException($"The store was written by a newer version of Elex (schema {version}; this build knows up to {Latest}). Nothing was changed.");
        for (var next = version + 1; next <= Latest; next++)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await SqliteAgentStore.ExecuteAsync(connection, Migrations[next - 1], cancellationToken, tx).ConfigureAwait(false);
            await SqliteAgentStore.ExecuteAsync(connection, $"INSERT INTO meta(key, value) VALUES ('schema_version', '{next}') ON CONFLICT(key) DO UPDATE SET value = excluded.value", cancellationToken, tx).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        return Latest;
    }

    private static async Task<int> CurrentVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        try
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is string s && int.TryParse(s, out var v) ? v : 0;
        }
        catch (SqliteException e) when (e.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return 0;
        }
    }
}
