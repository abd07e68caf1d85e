using Microsoft.Data.Sqlite;

namespace Elex.Storage;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode. Writes are serialised and each batch
/// is one transaction, so a batch is stored whole or not at all; a committed batch survives the
/// process being killed (WAL with synchronous=NORMAL; pass <c>durableAgainstPowerLoss</c> for
/// synchronous=FULL). The schema is versioned and migrated forward on open.
/// </summary>
public sealed class SqliteAgentStore : IAgentStore
{
    // Settings share the meta table with the schema version; the prefix keeps them apart.
    private const string SettingPrefix = "setting:";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly SqliteConnection _connection;

    private SqliteAgentStore(SqliteConnection connection, string path, int schemaVersion)
    {
        _connection = connection;
        Path = path;
        SchemaVersion = schemaVersion;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; }

    /// <summary>Opens (creating and migrating as needed) the store at <paramref name="path"/>.</summary>
    /// <exception cref="StoreException">The file is not a usable store (not SQLite, newer schema, unreadable).</exception>
    public static async Task<SqliteAgentStore> OpenAsync(string path, bool durableAgainstPowerLoss = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={(durableAgainstPowerLoss ? "FULL" : "NORMAL")}; PRAGMA busy_timeout=5000;", cancellationToken).ConfigureAwait(false);
            var version = await SqliteSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            return new SqliteAgentStore(connection, path, version);
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"Store '{path}' cannot be opened: {e.Message}", e);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task WriteAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Validate();
        if (batch.IsEmpty) return;
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await UpsertAsync(tx, "INSERT INTO q_tables(agent_id, data, updated_at) VALUES ($a, $d, $t) ON CONFLICT(agent_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
                batch.QTables, (c, r) => { c.Parameters["$a"].Value = r.AgentId; c.Parameters["$d"].Value = r.Data; }, cancellationToken).ConfigureAwait(false);
            await UpsertAsync(tx, "INSERT INTO trajectories(agent_id, trajectory_id, data, updated_at) VALUES ($a, $i, $d, $t) ON CONFLICT(agent_id, trajectory_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
                batch.Trajectories, (c, r) => { c.Parameters["$a"].Value = r.AgentId; c.Parameters["$i"].Value = r.TrajectoryId; c.Parameters["$d"].Value = r.Data; }, cancellationToken).ConfigureAwait(false);
            await UpsertAsync(tx, "INSERT INTO agent_state(agent_id, json, updated_at) VALUES ($a, $j, $t) ON CONFLICT(agent_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at",
                batch.AgentStates, (c, r) => { c.Parameters["$a"].Value = r.AgentId; c.Parameters["$j"].Value = r.Json; }, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw new StoreException($"Store '{Path}' rejected a batch of {batch.QTables.Count + batch.Trajectories.Count + batch.AgentStates.Count} records; nothing of it was written: {e.Message}", e);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QTableRecord>> LoadQTablesAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT agent_id, data FROM q_tables ORDER BY agent_id", null, r => new QTableRecord(r.GetString(0), (byte[])r[1]), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TrajectoryRecord>> LoadTrajectoriesAsync(string? agentId = null, CancellationToken cancellationToken = default) =>
        QueryAsync(agentId is null
                ? "SELECT agent_id, trajectory_id, data FROM trajectories ORDER BY agent_id, trajectory_id"
                : "SELECT agent_id, trajectory_id, data FROM trajectories WHERE agent_id = $a ORDER BY trajectory_id",
            agentId, r => new TrajectoryRecord(r.GetString(0), r.GetString(1), (byte[])r[2]), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentStateRecord>> LoadAgentStatesAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT agent_id, json FROM agent_state ORDER BY agent_id", null, r => new AgentStateRecord(r.GetString(0), r.GetString(1)), cancellationToken);

    /// <inheritdoc />
    public async Task ClearAgentAsync(string agentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var table in new[] { "q_tables", "trajectories", "agent_state" })
            {
                await using var command = _connection.CreateCommand();
                command.Transaction = tx;
                command.CommandText = $"DELETE FROM {table} WHERE agent_id = $a";
                command.Parameters.AddWithValue("$a", agentId);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var rows = await QueryAsync("SELECT value FROM meta WHERE key = $a", SettingPrefix + key, r => r.GetString(0), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "INSERT INTO meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
            command.Parameters.AddWithValue("$k", SettingPrefix + key);
            command.Parameters.AddWithValue("$v", value);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw new StoreException($"Store '{Path}' could not save setting '{key}': {e.Message}", e);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var q = await UsageAsync("SELECT COUNT(*), COALESCE(SUM(LENGTH(data)), 0) FROM q_tables", cancellationToken).ConfigureAwait(false);
        var t = await UsageAsync("SELECT COUNT(*), COALESCE(SUM(LENGTH(data)), 0) FROM trajectories", cancellationToken).ConfigureAwait(false);
        var s = await UsageAsync("SELECT COUNT(*), COALESCE(SUM(LENGTH(CAST(json AS BLOB))), 0) FROM agent_state", cancellationToken).ConfigureAwait(false);
        return new StoreStatistics(SchemaVersion, q, t, s);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
            _lock.Dispose();
        }
    }


    private async Task UpsertAsync<T>(SqliteTransaction tx, string sql, IReadOnlyList<T> records, Action<SqliteCommand, T> bind, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return;
        await using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in new[] { "$a", "$i", "$d", "$j" })
            if (sql.Contains(name, StringComparison.Ordinal)) command.Parameters.Add(new SqliteParameter(name, null));
        command.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        command.Prepare();
        foreach (var record in records)
        {
            bind(command, record);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, string? agentId, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = sql;
            if (agentId is not null) command.Parameters.AddWithValue("$a", agentId);
            var results = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) results.Add(read(reader));
            return results;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<StoreUsage> UsageAsync(string sql, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(sql, null, r => new StoreUsage(r.GetInt64(0), r.GetInt64(1)), cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    internal static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
