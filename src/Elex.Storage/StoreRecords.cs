namespace Elex.Storage;

/// <summary>An agent's serialised Q-table (store <c>q_tables</c>).</summary>
public sealed record QTableRecord(string AgentId, byte[] Data);

/// <summary>One serialised trajectory of an agent (store <c>trajectories</c>).</summary>
public sealed record TrajectoryRecord(string AgentId, string TrajectoryId, byte[] Data);

/// <summary>An agent's lifecycle and counters as JSON (store <c>agent_state</c>).</summary>
public sealed record AgentStateRecord(string AgentId, string Json);

/// <summary>Records written together, in one transaction: all of them or none.</summary>
public sealed record StoreBatch
{
    /// <summary>Q-tables to insert or replace.</summary>
    public IReadOnlyList<QTableRecord> QTables { get; init; } = [];
    /// <summary>Trajectories to insert or replace.</summary>
    public IReadOnlyList<TrajectoryRecord> Trajectories { get; init; } = [];
    /// <summary>Agent states to insert or replace.</summary>
    public IReadOnlyList<AgentStateRecord> AgentStates { get; init; } = [];

    /// <summary>True when there is nothing to write.</summary>
    public bool IsEmpty => QTables.Count == 0 && Trajectories.Count == 0 && AgentStates.Count == 0;

    /// <summary>
    /// The rule every store applies before writing: each record has an agent id and its payload (and a
    /// trajectory its id). An invalid record refuses the whole batch before anything is written.
    /// </summary>
    /// <exception cref="ArgumentException">A record is incomplete; the message names its store and agent.</exception>
    public void Validate()
    {
        foreach (var r in QTables) Require(r.AgentId, "q_tables", r.Data is not null, "data");
        foreach (var r in Trajectories) Require(r.AgentId, "trajectories", r.Data is not null && !string.IsNullOrWhiteSpace(r.TrajectoryId), "trajectory id or data");
        foreach (var r in AgentStates) Require(r.AgentId, "agent_state", r.Json is not null, "json");

        static void Require(string? agentId, string store, bool ok, string what)
        {
            if (string.IsNullOrWhiteSpace(agentId)) throw new ArgumentException($"A {store} record has no agent id; the batch was not written.");
            if (!ok) throw new ArgumentException($"The {store} record of {agentId} has no {what}; the batch was not written.");
        }
    }
}

/// <summary>Records and bytes held in one store.</summary>
public readonly record struct StoreUsage(long Records, long Bytes);

/// <summary>Usage per store, plus the schema version.</summary>
public sealed record StoreStatistics(int SchemaVersion, StoreUsage QTables, StoreUsage Trajectories, StoreUsage AgentStates);
