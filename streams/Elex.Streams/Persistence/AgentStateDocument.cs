using System.Buffers.Binary;
using System.Text.Json;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Storage;

namespace Elex.Streams.Persistence;

/// <summary>A remembered experience as stored: enough to apply feedback after a restart.</summary>
internal sealed record StoredExperience(string ResponseId, int State, int Action, long Timestamp);

/// <summary>The learner's scalars as stored; its Q-table and trajectories live in their own stores.</summary>
internal sealed record StoredLearner(float Epsilon, long Interactions, string SuccessWindow, bool Degraded);

/// <summary>The JSON kept in the <c>agent_state</c> store for one agent.</summary>
internal sealed record AgentStateDocument(
    string AgentId,
    string FeatureCode,
    long Interactions,
    long Successes,
    double LatencySumUs,
    double ConfidenceSum,
    DateTimeOffset LastActive,
    StoredLearner? Learner = null,
    IReadOnlyList<StoredExperience>? Experiences = null)
{
    private const int TrajectoryBytes = 4 + 1 + 4 + 4 + 8;

    /// <summary>The three stores' records of one agent.</summary>
    public static (AgentStateRecord State, QTableRecord? QTable, List<TrajectoryRecord> Trajectories) ToRecords(
        Feature feature, AgentCounters counters, QLearner? learner, IReadOnlyList<Experience> experiences)
    {
        var agentId = Elex.Core.Agents.AgentId.For(feature.Code);
        var (interactions, successes, latency, confidence, last) = counters.Read();
        var snapshot = learner?.Snapshot();
        var document = new AgentStateDocument(agentId, feature.Code.Value, interactions, successes, latency, confidence, last,
            snapshot is null ? null : new StoredLearner(snapshot.Epsilon, snapshot.Interactions, new string(snapshot.SuccessWindow.Select(b => b ? '1' : '0').ToArray()), snapshot.Degraded),
            experiences.Select(e => new StoredExperience(e.ResponseId, e.State.Index, (int)e.Action, e.Timestamp)).ToList());
        var state = new AgentStateRecord(agentId, JsonSerializer.Serialize(document, AgentStateJson.Default.AgentStateDocument));
        if (snapshot is null) return (state, null, []);

        var table = new QTable();
        table.Restore(snapshot.QValues, snapshot.Visits);
        var trajectories = new List<TrajectoryRecord>(snapshot.Trajectories.Length);
        for (var i = 0; i < snapshot.Trajectories.Length; i++)
            trajectories.Add(new TrajectoryRecord(agentId, i.ToString("D6"), Encode(snapshot.Trajectories[i])));
        return (state, new QTableRecord(agentId, table.ToBytes()), trajectories);
    }

    /// <summary>Parses a stored record; a corrupt one yields null and the reason.</summary>
    public static (AgentStateDocument? Document, string? Error) Parse(AgentStateRecord record)
    {
        try
        {
            var document = JsonSerializer.Deserialize(record.Json, AgentStateJson.Default.AgentStateDocument);
            if (document is null || document.AgentId != record.AgentId) return (null, $"agent_state record {record.AgentId}: the JSON does not describe this agent");
            if (document.Interactions < 0 || document.Successes < 0 || document.Successes > document.Interactions)
                return (null, $"agent_state record {record.AgentId}: counters are inconsistent ({document.Successes} successes of {document.Interactions})");
            return (document, null);
        }
        catch (JsonException e)
        {
            return (null, $"agent_state record {record.AgentId}: not valid JSON ({e.Message})");
        }
    }

    /// <summary>Rebuilds the learner from this document, its Q-table bytes and its trajectories; throws naming what is corrupt.</summary>
    public QLearner RestoreLearner(byte[] qTable, IReadOnlyList<TrajectoryRecord> trajectories, QLearningOptions options)
    {
        var stored = Learner ?? throw new FormatException($"agent_state record {AgentId} has no learner section");
        var table = QTable.FromBytes(qTable);
        var (values, visits) = table.Snapshot();
        var window = stored.SuccessWindow.Select(c => c == '1').ToArray();
        var decoded = trajectories.Select(t => Decode(t)).ToArray();
        return QLearner.Restore(new LearnerSnapshot(values, visits, stored.Epsilon, stored.Interactions, window, decoded, stored.Degraded), options);
    }

    /// <summary>The stored experiences as log entries (invalid ones are skipped).</summary>
    public IEnumerable<Experience> RestoreExperiences(FeatureCode feature)
    {
        foreach (var e in Experiences ?? [])
        {
            if (e.State is < 0 or >= LearningState.Count || !Enum.IsDefined((ResponseAction)e.Action)) continue;
            yield return new Experience(e.ResponseId, feature, LearningState.FromIndex(e.State), (ResponseAction)e.Action, e.Timestamp);
        }
    }

    private static byte[] Encode(Trajectory t)
    {
        var bytes = new byte[TrajectoryBytes];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, t.State.Index);
        bytes[4] = (byte)t.Action;
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(5), t.Reward);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(9), t.NextState.Index);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(13), t.Timestamp);
        return bytes;
    }

    private static Trajectory Decode(TrajectoryRecord record)
    {
        var b = record.Data;
        if (b.Length != TrajectoryBytes) throw new FormatException($"trajectory {record.AgentId}/{record.TrajectoryId} has {b.Length} bytes, expected {TrajectoryBytes}");
        var state = BinaryPrimitives.ReadInt32LittleEndian(b);
        var next = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(9));
        if (state is < 0 or >= LearningState.Count || next is < 0 or >= LearningState.Count || !Enum.IsDefined((ResponseAction)b[4]))
            throw new FormatException($"trajectory {record.AgentId}/{record.TrajectoryId} names a state or action that does not exist");
        return new Trajectory(LearningState.FromIndex(state), (ResponseAction)b[4], BinaryPrimitives.ReadSingleLittleEndian(b.AsSpan(5)),
            LearningState.FromIndex(next), BinaryPrimitives.ReadInt64LittleEndian(b.AsSpan(13)));
    }
}
