namespace Elex.Browser.IndexedDb;

/// <summary>
/// The calls <see cref="IndexedDbAgentStore"/> makes into <c>elex-idb.js</c>. Databases are numeric
/// handles and rows travel as <see cref="IdbPacket"/>s, so nothing but numbers, strings and one byte
/// buffer crosses the boundary. A rejected call throws <see cref="IdbCallException"/> with the module's
/// message (which starts with a tag such as <c>[elex-idb:QUOTA]</c>).
/// </summary>
internal interface IIdbModule
{
    /// <summary>Opens (creating or upgrading) a database; resolves with its handle.</summary>
    Task<int> OpenAsync(string name);

    /// <summary>The schema version the open database is at.</summary>
    int Version(int database);

    /// <summary>Writes a packet of three sections (q_tables, trajectories, agent_state) in one transaction, replacing rows by (store, agent, trajectory id).</summary>
    Task<int> PutBatchAsync(int database, byte[] packet);

    /// <summary>
    /// The module's phases of the last completed <see cref="PutBatchAsync"/> on <paramref name="database"/>
    /// in ms (unpack, put, commit), or none: a diagnostic, so modules that do not time may leave it out.
    /// </summary>
    double[] LastBatchTimings(int database) => [];

    /// <summary>Every row of <paramref name="store"/> (only <paramref name="agentId"/>'s when given) as a one-section packet.</summary>
    Task<byte[]> LoadAsync(int database, string store, string? agentId);

    /// <summary>Deletes everything of one agent in one transaction.</summary>
    Task ClearAgentAsync(int database, string agentId);

    /// <summary>A setting's value, or null.</summary>
    Task<string?> GetSettingAsync(int database, string key);

    /// <summary>Saves a setting.</summary>
    Task SetSettingAsync(int database, string key, string value);

    /// <summary>Records and bytes of q_tables, trajectories and agent_state, as six numbers.</summary>
    Task<long[]> StatisticsAsync(int database);

    /// <summary>Closes the database.</summary>
    void Close(int database);
}

/// <summary>A call into <c>elex-idb.js</c> was rejected; the message is the module's.</summary>
internal sealed class IdbCallException(string message, Exception? inner = null) : Exception(message, inner);
