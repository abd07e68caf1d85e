using System.Text;

namespace Elex.Storage.Encryption;

/// <summary>
/// Encryption at rest over any <see cref="IAgentStore"/> (SQLite, the browser's IndexedDB): record
/// payloads are sealed with AES-256-GCM under a key derived from a passphrase; agent ids and
/// trajectory ids stay in clear because they are the inner store's keys, and settings other than
/// <see cref="SettingKey"/> pass through unencrypted. Each ciphertext is bound to its store, agent
/// and trajectory, so a record altered or moved to another agent does not decrypt: loads skip it
/// and list it in <see cref="Quarantined"/>, and the rest still loads. Statistics pass through and
/// so count ciphertext bytes (28 more per binary record, the base64 envelope for agent state).
/// </summary>
public sealed class EncryptedAgentStore : IAgentStore
{
    /// <summary>
    /// The setting that holds the format, salt, iteration count and key check (none of it secret).
    /// A store with this setting is encrypted; it cannot be set through the decorator.
    /// </summary>
    public const string SettingKey = EncryptionMetadata.SettingKey;

    private readonly IAgentStore _inner;
    private readonly RecordCipher _cipher;
    private readonly Lock _quarantineLock = new();
    private readonly Dictionary<(string Store, string AgentId, string? TrajectoryId), QuarantinedRecord> _quarantine = [];

    private EncryptedAgentStore(IAgentStore inner, RecordCipher cipher)
    {
        _inner = inner;
        _cipher = cipher;
    }

    /// <inheritdoc />
    public int SchemaVersion => _inner.SchemaVersion;

    /// <summary>
    /// The records the latest load of each store skipped because they did not decrypt, ordered by
    /// store, agent and trajectory. Writing or clearing a record removes it from the list.
    /// </summary>
    public IReadOnlyList<QuarantinedRecord> Quarantined
    {
        get
        {
            lock (_quarantineLock)
                return [.. _quarantine.Values.OrderBy(q => q.Store, StringComparer.Ordinal).ThenBy(q => q.AgentId, StringComparer.Ordinal).ThenBy(q => q.TrajectoryId, StringComparer.Ordinal)];
        }
    }

    /// <summary>
    /// Opens <paramref name="inner"/> encrypted with <paramref name="passphrase"/>. The first open of
    /// an empty store creates its key (random salt, <see cref="EncryptionOptions.Iterations"/>); later
    /// opens re-derive it with the stored parameters. On success the returned store owns
    /// <paramref name="inner"/> and disposes it; on failure the caller still owns it.
    /// </summary>
    /// <exception cref="ArgumentException">The passphrase is empty, or the iteration count is out of range.</exception>
    /// <exception cref="StoreException">
    /// The passphrase is wrong for this store; the store is unencrypted and already holds records
    /// (encryption can only start on an empty store); or its encryption setting is unusable. In every
    /// case nothing was read or changed.
    /// </exception>
    public static async Task<EncryptedAgentStore> OpenAsync(IAgentStore inner, string passphrase, EncryptionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        var iterations = (options ?? new EncryptionOptions()).Iterations;
        if (iterations is < 1 or > EncryptionMetadata.MaxIterations)
            throw new ArgumentOutOfRangeException(nameof(options), iterations, $"PBKDF2 iterations must be between 1 and {EncryptionMetadata.MaxIterations}.");

        var stored = await inner.GetSettingAsync(SettingKey, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (stored is not null)
        {
            var metadata = EncryptionMetadata.Parse(stored);
            var cipher = new RecordCipher(PassphraseKey.Derive(passphrase, metadata.Salt, metadata.Iterations));
            if (!metadata.IsKeyOf(cipher))
                throw new StoreException($"Wrong passphrase for this store: it does not open the key check in the '{SettingKey}' setting. Nothing was read or changed.");
            return new EncryptedAgentStore(inner, cipher);
        }

        await RequireEmptyAsync(inner, cancellationToken).ConfigureAwait(false);
        var salt = RecordCipher.RandomBytes(PassphraseKey.SaltLength);
        var created = new RecordCipher(PassphraseKey.Derive(passphrase, salt, iterations));
        cancellationToken.ThrowIfCancellationRequested();
        await inner.SetSettingAsync(SettingKey, EncryptionMetadata.Create(created, salt, iterations).ToJson(), cancellationToken).ConfigureAwait(false);
        return new EncryptedAgentStore(inner, created);
    }

    /// <summary>
    /// True when <paramref name="store"/> was created encrypted, so its records are ciphertext that
    /// only <see cref="OpenAsync"/> with the passphrase can read.
    /// </summary>
    public static async Task<bool> IsEncryptedAsync(IAgentStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.GetSettingAsync(SettingKey, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <inheritdoc />
    public async Task WriteAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Validate();
        var sealedBatch = new StoreBatch
        {
            QTables = [.. batch.QTables.Select(r => r with { Data = _cipher.Seal(r.Data, QTableData(r.AgentId)) })],
            Trajectories = [.. batch.Trajectories.Select(r => r with { Data = _cipher.Seal(r.Data, TrajectoryData(r.AgentId, r.TrajectoryId)) })],
            AgentStates = [.. batch.AgentStates.Select(r => r with { Json = AgentStateEnvelope.Wrap(_cipher.Seal(Encoding.UTF8.GetBytes(r.Json), AgentStateData(r.AgentId))) })],
        };
        await _inner.WriteAsync(sealedBatch, cancellationToken).ConfigureAwait(false);
        lock (_quarantineLock)
        {
            foreach (var r in batch.QTables) _quarantine.Remove((StoreNames.QTables, r.AgentId, null));
            foreach (var r in batch.Trajectories) _quarantine.Remove((StoreNames.Trajectories, r.AgentId, r.TrajectoryId));
            foreach (var r in batch.AgentStates) _quarantine.Remove((StoreNames.AgentState, r.AgentId, null));
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QTableRecord>> LoadQTablesAsync(CancellationToken cancellationToken = default)
    {
        var stored = await _inner.LoadQTablesAsync(cancellationToken).ConfigureAwait(false);
        var opened = new List<QTableRecord>(stored.Count);
        var skipped = new List<QuarantinedRecord>();
        foreach (var r in stored)
        {
            if (_cipher.Open(r.Data, QTableData(r.AgentId), out var failure) is { } plaintext) opened.Add(r with { Data = plaintext });
            else skipped.Add(new QuarantinedRecord(StoreNames.QTables, r.AgentId, null, failure!));
        }
        ReplaceQuarantine(q => q.Store == StoreNames.QTables, skipped);
        return opened;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrajectoryRecord>> LoadTrajectoriesAsync(string? agentId = null, CancellationToken cancellationToken = default)
    {
        var stored = await _inner.LoadTrajectoriesAsync(agentId, cancellationToken).ConfigureAwait(false);
        var opened = new List<TrajectoryRecord>(stored.Count);
        var skipped = new List<QuarantinedRecord>();
        foreach (var r in stored)
        {
            if (_cipher.Open(r.Data, TrajectoryData(r.AgentId, r.TrajectoryId), out var failure) is { } plaintext) opened.Add(r with { Data = plaintext });
            else skipped.Add(new QuarantinedRecord(StoreNames.Trajectories, r.AgentId, r.TrajectoryId, failure!));
        }
        ReplaceQuarantine(q => q.Store == StoreNames.Trajectories && (agentId is null || q.AgentId == agentId), skipped);
        return opened;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AgentStateRecord>> LoadAgentStatesAsync(CancellationToken cancellationToken = default)
    {
        var stored = await _inner.LoadAgentStatesAsync(cancellationToken).ConfigureAwait(false);
        var opened = new List<AgentStateRecord>(stored.Count);
        var skipped = new List<QuarantinedRecord>();
        foreach (var r in stored)
        {
            string? failure = null;
            if (AgentStateEnvelope.Unwrap(r.Json, out failure) is { } sealedBytes
                && _cipher.Open(sealedBytes, AgentStateData(r.AgentId), out failure) is { } plaintext)
                opened.Add(r with { Json = Encoding.UTF8.GetString(plaintext) });
            else
                skipped.Add(new QuarantinedRecord(StoreNames.AgentState, r.AgentId, null, failure!));
        }
        ReplaceQuarantine(q => q.Store == StoreNames.AgentState, skipped);
        return opened;
    }

    /// <inheritdoc />
    public async Task ClearAgentAsync(string agentId, CancellationToken cancellationToken = default)
    {
        await _inner.ClearAgentAsync(agentId, cancellationToken).ConfigureAwait(false);
        ReplaceQuarantine(q => q.AgentId == agentId, []);
    }

    /// <inheritdoc />
    public Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default) =>
        _inner.GetSettingAsync(key, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is <see cref="SettingKey"/>, which only the decorator writes.</exception>
    public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        // Replacing the key parameters would leave every record undecryptable.
        if (key == SettingKey)
            throw new ArgumentException($"The setting '{SettingKey}' holds this store's key parameters and cannot be replaced; nothing was changed.", nameof(key));
        return _inner.SetSettingAsync(key, value, cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) =>
        _inner.GetStatisticsAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private static async Task RequireEmptyAsync(IAgentStore inner, CancellationToken cancellationToken)
    {
        var stats = await inner.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        var records = stats.QTables.Records + stats.Trajectories.Records + stats.AgentStates.Records;
        if (records > 0)
            throw new StoreException(
                $"This store is not encrypted and already holds {records} records ({stats.QTables.Records} q_tables, {stats.Trajectories.Records} trajectories, " +
                $"{stats.AgentStates.Records} agent_state); encryption can only start on an empty store, so nothing was changed. Open it without a passphrase, or use a new store.");
    }


    private static byte[] QTableData(string agentId) => AssociatedData.For(StoreNames.QTables, agentId);

    private static byte[] TrajectoryData(string agentId, string trajectoryId) => AssociatedData.For(StoreNames.Trajectories, agentId, trajectoryId);

    private static byte[] AgentStateData(string agentId) => AssociatedData.For(StoreNames.AgentState, agentId);

    private void ReplaceQuarantine(Func<QuarantinedRecord, bool> coveredByThisLoad, IReadOnlyList<QuarantinedRecord> found)
    {
        lock (_quarantineLock)
        {
            foreach (var key in _quarantine.Where(e => coveredByThisLoad(e.Value)).Select(e => e.Key).ToList()) _quarantine.Remove(key);
            foreach (var q in found) _quarantine[(q.Store, q.AgentId, q.TrajectoryId)] = q;
        }
    }
}
