using System.Security.Cryptography;
using Elex.Storage;
using Orleans.Storage;

namespace Elex.Orleans.Storage;

/// <summary>
/// Grain storage over the project's store port (<see cref="IAgentStore"/>: SQLite on a server), so
/// agent grains keep their state where a local swarm keeps it and every silo reads what any other
/// wrote. Holds only <see cref="AgentGrainState"/>. A write returns once the store says it is durable.
/// </summary>
/// <remarks>
/// The ETag is a digest of what was read or written. It is not compared on write: the grain directory
/// keeps one activation per agent, and the store port has no compare-and-set to make the check atomic.
/// </remarks>
public sealed class AgentStoreGrainStorage(IAgentStore store) : IGrainStorage
{
    private readonly IAgentStore _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Require(grainState);
        var agentId = grainId.Key.ToString()!;
        // The port loads per store, not per agent; an activation reads once, so the cost is per activation, not per call.
        var record = (await _store.LoadAgentStatesAsync().ConfigureAwait(false)).FirstOrDefault(r => r.AgentId == agentId);
        if (record is null)
        {
            grainState.State = (T)(object)new AgentGrainState();
            grainState.RecordExists = false;
            grainState.ETag = null;
            return;
        }
        var qTable = (await _store.LoadQTablesAsync().ConfigureAwait(false)).FirstOrDefault(r => r.AgentId == agentId);
        var replay = (await _store.LoadTrajectoriesAsync(agentId).ConfigureAwait(false)).FirstOrDefault(r => r.TrajectoryId == AgentGrainStateRecords.ReplayRecordId);
        var loaded = AgentGrainStateRecords.FromRecords(record, qTable, replay);
        grainState.State = (T)(object)loaded;
        grainState.RecordExists = true;
        grainState.ETag = Digest(AgentGrainStateRecords.ToBatch(loaded));
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var state = Require(grainState) ?? throw new ArgumentException($"Grain {grainId} has no state to write.", nameof(grainState));
        var agentId = grainId.Key.ToString()!;
        if (state.AgentId != agentId) throw new ArgumentException($"Grain {agentId} tried to write the state of {state.AgentId}.", nameof(grainState));
        var batch = AgentGrainStateRecords.ToBatch(state);
        await _store.WriteAsync(batch).ConfigureAwait(false);
        grainState.RecordExists = true;
        grainState.ETag = Digest(batch);
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Require(grainState);
        await _store.ClearAgentAsync(grainId.Key.ToString()!).ConfigureAwait(false);
        grainState.State = (T)(object)new AgentGrainState();
        grainState.RecordExists = false;
        grainState.ETag = null;
    }

    private static AgentGrainState? Require<T>(IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (typeof(T) != typeof(AgentGrainState))
            throw new NotSupportedException($"{nameof(AgentStoreGrainStorage)} stores {nameof(AgentGrainState)} only, not {typeof(T).Name}.");
        return grainState.State as AgentGrainState;
    }

    private static string Digest(StoreBatch batch)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(batch.AgentStates[0].Json));
        foreach (var q in batch.QTables) hash.AppendData(q.Data);
        foreach (var t in batch.Trajectories) hash.AppendData(t.Data);
        return Convert.ToHexString(hash.GetHashAndReset(), 0, 8);
    }
}
