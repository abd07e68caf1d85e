using System.Text.Json;
using Elex.Storage;

namespace Elex.Orleans.Storage;

/// <summary>
/// Grain state in the store's three records, as the local swarm keeps an agent: the <c>agent_state</c>
/// JSON, the <c>q_tables</c> bytes and the packed replay buffer under trajectory id "replay".
/// </summary>
internal static class AgentGrainStateRecords
{
    /// <summary>The trajectory id of the record holding an agent's whole replay buffer (the swarm's too).</summary>
    public const string ReplayRecordId = "replay";

    /// <summary>The records of one agent's state, written together.</summary>
    public static StoreBatch ToBatch(AgentGrainState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var json = JsonSerializer.Serialize(state, AgentGrainStateJson.Default.AgentGrainState);
        return new StoreBatch
        {
            AgentStates = [new AgentStateRecord(state.AgentId, json)],
            QTables = state.QTable.Length == 0 ? [] : [new QTableRecord(state.AgentId, state.QTable)],
            Trajectories = state.Replay.Length == 0 ? [] : [new TrajectoryRecord(state.AgentId, ReplayRecordId, state.Replay)],
        };
    }

    /// <summary>The state the records hold.</summary>
    /// <exception cref="FormatException">The JSON is not valid or describes another agent.</exception>
    public static AgentGrainState FromRecords(AgentStateRecord record, QTableRecord? qTable, TrajectoryRecord? replay)
    {
        ArgumentNullException.ThrowIfNull(record);
        AgentGrainState? state;
        try
        {
            state = JsonSerializer.Deserialize(record.Json, AgentGrainStateJson.Default.AgentGrainState);
        }
        catch (JsonException e)
        {
            throw new FormatException($"agent_state record {record.AgentId}: not valid JSON ({e.Message})", e);
        }
        if (state is null || state.AgentId != record.AgentId) throw new FormatException($"agent_state record {record.AgentId}: the JSON does not describe this agent");
        state.QTable = qTable?.Data ?? [];
        state.Replay = replay?.Data ?? [];
        return state;
    }
}
