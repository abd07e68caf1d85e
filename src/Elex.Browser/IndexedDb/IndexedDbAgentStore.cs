using Elex.Storage;
using Microsoft.JSInterop;

namespace Elex.Browser.IndexedDb;

/// <summary>
/// The agent store of the browser: one IndexedDB database with the seed's object stores
/// (<c>q_tables</c>, <c>trajectories</c>, <c>agent_state</c>) plus <c>settings</c>, through the ES
/// module <c>_content/Elex.Browser/elex-idb.js</c>. A batch is one readwrite transaction and
/// <see cref="WriteAsync"/> returns once it has completed (committed); a quota, a blocked upgrade
/// or a newer schema surfaces as a <see cref="StoreException"/> that says so.
/// </summary>
public sealed class IndexedDbAgentStore : IAgentStore
{
    /// <summary>Where the module is served from in a published app.</summary>
    public const string ModulePath = "./_content/Elex.Browser/elex-idb.js";

    /// <summary>The database name used when none is given.</summary>
    public const string DefaultDatabaseName = "elex";

    private readonly IJSObjectReference _module;
    private readonly IJSObjectReference _database;
    private int _disposed;

    private IndexedDbAgentStore(IJSObjectReference module, IJSObjectReference database, string name, int schemaVersion)
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
    public static async Task<IndexedDbAgentStore> OpenAsync(IJSRuntime js, string databaseName = DefaultDatabaseName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(js);
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        IJSObjectReference? module = null;
        try
        {
            module = await js.InvokeAsync<IJSObjectReference>("import", cancellationToken, ModulePath).ConfigureAwait(false);
            var database = await module.InvokeAsync<IJSObjectReference>("open", cancellationToken, databaseName).ConfigureAwait(false);
            var version = await module.InvokeAsync<int>("version", cancellationToken, database).ConfigureAwait(false);
            return new IndexedDbAgentStore(module, database, databaseName, version);
        }
        catch (JSException e)
        {
            if (module is not null) await module.DisposeAsync().ConfigureAwait(false);
            throw IndexedDbFailure.From(databaseName, "opening", e);
        }
    }

    /// <inheritdoc />
    public async Task WriteAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Validate();
        if (batch.IsEmpty) return;
        var rows = new IdbBatch(
            [.. batch.QTables.Select(r => new IdbQTableRow(r.AgentId, r.Data))],
            [.. batch.Trajectories.Select(r => new IdbTrajectoryRow(r.AgentId, r.TrajectoryId, r.Data))],
            [.. batch.AgentStates.Select(r => new IdbAgentStateRow(r.AgentId, r.Json))]);
        var count = rows.QTables.Length + rows.Trajectories.Length + rows.AgentStates.Length;
        await CallAsync<int>("putBatch", $"writing a batch of {count} records", cancellationToken, rows).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QTableRecord>> LoadQTablesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await CallAsync<IdbQTableRow[]>("loadQTables", "loading q_tables", cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new QTableRecord(r.AgentId, r.Data)).OrderBy(r => r.AgentId, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrajectoryRecord>> LoadTrajectoriesAsync(string? agentId = null, CancellationToken cancellationToken = default)
    {
        var rows = await CallAsync<IdbTrajectoryRow[]>("loadTrajectories", "loading trajectories", cancellationToken, agentId).ConfigureAwait(false);
        return [.. rows.Select(r => new TrajectoryRecord(r.AgentId, r.TrajectoryId, r.Data))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AgentStateRecord>> LoadAgentStatesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await CallAsync<IdbAgentStateRow[]>("loadAgentStates", "loading agent_state", cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new AgentStateRecord(r.AgentId, r.Json))];
    }

    /// <inheritdoc />
    public async Task ClearAgentAsync(string agentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        await CallAsync<bool>("clearAgent", $"clearing {agentId}", cancellationToken, agentId).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return CallAsync<string?>("getSetting", $"reading setting '{key}'", cancellationToken, key);
    }

    /// <inheritdoc />
    public async Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        await CallAsync<bool>("setSetting", $"saving setting '{key}'", cancellationToken, key, value).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var usage = await CallAsync<IdbUsage[]>("statistics", "reading statistics", cancellationToken).ConfigureAwait(false);
        StoreUsage At(int i) => i < usage.Length ? new StoreUsage(usage[i].Records, usage[i].Bytes) : default;
        return new StoreStatistics(SchemaVersion, At(0), At(1), At(2));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            await _module.InvokeVoidAsync("close", _database).ConfigureAwait(false);
        }
        catch (JSDisconnectedException)
        {
            // The page is going away; the browser closes the connection itself.
        }
        await _database.DisposeAsync().ConfigureAwait(false);
        await _module.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<T> CallAsync<T>(string function, string operation, CancellationToken cancellationToken, params object?[] args)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        try
        {
            return await _module.InvokeAsync<T>(function, cancellationToken, [_database, .. args]).ConfigureAwait(false);
        }
        catch (JSException e)
        {
            throw IndexedDbFailure.From(DatabaseName, operation, e);
        }
    }

}
