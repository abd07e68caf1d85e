using System.Diagnostics;
using System.Text;
using Elex.Storage;

namespace Elex.Browser.IndexedDb;

/// <summary>
/// The agent store of the browser (and of Node, wherever <c>indexedDB</c> exists): one IndexedDB
/// database through the ES module <c>_content/Elex.Browser/elex-idb.js</c>. Schema 2 keeps the seed's
/// three stores (<c>q_tables</c>, <c>trajectories</c>, <c>agent_state</c>) as sections of 32 chunk
/// records (object store <c>chunks</c>, an agent's chunk chosen by a hash of its id) plus
/// <c>settings</c>; a schema 1 database (one record per agent and store) is upgraded on open, all
/// or nothing. A batch crosses into JavaScript as one packed buffer and is one readwrite transaction
/// that rewrites only the chunks it touches; <see cref="WriteAsync"/> returns once it has completed
/// (committed). A quota, a blocked upgrade, a newer schema or a missing IndexedDB surfaces as a
/// <see cref="StoreException"/> that says so.
/// </summary>
public sealed class IndexedDbAgentStore : IAgentStore
{
    /// <summary>The database name used when none is given.</summary>
    public const string DefaultDatabaseName = "elex";

    private readonly IIdbModule _module;
    private readonly int _database;
    private int _disposed;

    private IndexedDbAgentStore(IIdbModule module, int database, string name, int schemaVersion)
    {
        _module = module;
        _database = database;
        DatabaseName = name;
        SchemaVersion = schemaVersion;
    }

    /// <summary>The IndexedDB database name.</summary>
    public string DatabaseName { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; }

    /// <summary>Opens (creating or upgrading) the database <paramref name="databaseName"/>.</summary>
    /// <exception cref="StoreException">Blocked by another tab, written by a newer version, or IndexedDB is unavailable.</exception>
    public static async Task<IndexedDbAgentStore> OpenAsync(string databaseName = DefaultDatabaseName)
    {
        if (!OperatingSystem.IsBrowser())
            throw new StoreException($"IndexedDB '{databaseName}' cannot be opened: IndexedDB exists only in a browser or Node (.NET WebAssembly)");
        try
        {
            return await OpenAsync(await BrowserIdbModule.LoadAsync().ConfigureAwait(false), databaseName).ConfigureAwait(false);
        }
        catch (IdbCallException e)
        {
            throw IndexedDbFailure.From(databaseName, "opening", e);
        }
    }

    internal static async Task<IndexedDbAgentStore> OpenAsync(IIdbModule module, string databaseName)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        try
        {
            var database = await module.OpenAsync(databaseName).ConfigureAwait(false);
            return new IndexedDbAgentStore(module, database, databaseName, module.Version(database));
        }
        catch (IdbCallException e)
        {
            throw IndexedDbFailure.From(databaseName, "opening", e);
        }
    }

    /// <inheritdoc />
    public async Task WriteAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Validate();
        if (batch.IsEmpty) return;
        var started = Stopwatch.GetTimestamp();
        var packet = IdbPacket.Write(
            [.. batch.QTables.Select(r => new IdbPacket.Row(r.AgentId, null, r.Data))],
            [.. batch.Trajectories.Select(r => new IdbPacket.Row(r.AgentId, r.TrajectoryId, r.Data))],
            [.. batch.AgentStates.Select(r => new IdbPacket.Row(r.AgentId, null, Encoding.UTF8.GetBytes(r.Json)))]);
        var count = batch.QTables.Count + batch.Trajectories.Count + batch.AgentStates.Count;
        var packed = Stopwatch.GetTimestamp();
        await CallAsync(() => _module.PutBatchAsync(_database, packet), $"writing a batch of {count} records", cancellationToken).ConfigureAwait(false);
        var called = Stopwatch.GetElapsedTime(packed).TotalMilliseconds;
        var phases = _module.LastBatchTimings(_database);
        double Phase(int i) => i < phases.Length ? phases[i] : 0;
        LastWrite = new IdbWriteTimings(Stopwatch.GetElapsedTime(started, packed).TotalMilliseconds, called, Phase(0), Phase(1), Phase(2), packet.Length);
    }

    /// <summary>Where the last completed write spent its time (the persist diagnostic reads it).</summary>
    internal IdbWriteTimings? LastWrite { get; private set; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QTableRecord>> LoadQTablesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await LoadAsync("q_tables", null, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new QTableRecord(r.Key, r.Payload.ToArray())).OrderBy(r => r.AgentId, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrajectoryRecord>> LoadTrajectoriesAsync(string? agentId = null, CancellationToken cancellationToken = default)
    {
        var rows = await LoadAsync("trajectories", agentId, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new TrajectoryRecord(r.Key, r.SubKey ?? "", r.Payload.ToArray()))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AgentStateRecord>> LoadAgentStatesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await LoadAsync("agent_state", null, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new AgentStateRecord(r.Key, Encoding.UTF8.GetString(r.Payload.Span)))];
    }

    /// <inheritdoc />
    public Task ClearAgentAsync(string agentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        return CallAsync(async () =>
        {
            await _module.ClearAgentAsync(_database, agentId).ConfigureAwait(false);
            return true;
        }, $"clearing {agentId}", cancellationToken);
    }

    /// <inheritdoc />
    public Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return CallAsync(() => _module.GetSettingAsync(_database, key), $"reading setting '{key}'", cancellationToken);
    }

    /// <inheritdoc />
    public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        return CallAsync(async () =>
        {
            await _module.SetSettingAsync(_database, key, value).ConfigureAwait(false);
            return true;
        }, $"saving setting '{key}'", cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var usage = await CallAsync(() => _module.StatisticsAsync(_database), "reading statistics", cancellationToken).ConfigureAwait(false);
        StoreUsage At(int store) => 2 * store + 1 < usage.Length ? new StoreUsage(usage[2 * store], usage[2 * store + 1]) : default;
        return new StoreStatistics(SchemaVersion, At(0), At(1), At(2));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            try
            {
                _module.Close(_database);
            }
            catch (IdbCallException)
            {
                // The page or process is going away; the connection closes with it.
            }
        }
        return ValueTask.CompletedTask;
    }

    private async Task<IReadOnlyList<IdbPacket.Row>> LoadAsync(string store, string? agentId, CancellationToken cancellationToken)
    {
        var packet = await CallAsync(() => _module.LoadAsync(_database, store, agentId), $"loading {store}", cancellationToken).ConfigureAwait(false);
        try
        {
            return IdbPacket.ReadSection(packet);
        }
        catch (FormatException e)
        {
            throw new StoreException($"IndexedDB '{DatabaseName}': loading {store} returned a damaged packet ({e.Message})", e);
        }
    }

    // IndexedDB requests cannot be cancelled once issued; a cancelled caller stops waiting, the
    // transaction still completes or aborts as a whole.
    private async Task<T> CallAsync<T>(Func<Task<T>> call, string operation, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        try
        {
            return await call().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IdbCallException e)
        {
            throw IndexedDbFailure.From(DatabaseName, operation, e);
        }
    }
}
