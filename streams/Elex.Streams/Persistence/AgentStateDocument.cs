using System.Text.Json;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Storage;

namespace Elex.Streams.Persistence;

/// <summary>
/// A remembered experience as stored: enough to apply feedback after a restart, and the rating in
/// effect (absent until rated, and in documents written before ratings were kept).
/// </summary>
internal sealed record StoredExperience(string ResponseId, int State, int Action, long Timestamp, float? Reward = null, bool? Success = null, long? Outcome = null);

/// <summary>The learner's scalars as stored; its Q-table and trajectories live in their own stores.</summary>
internal sealed record StoredLearner(float Epsilon, long Interactions, string SuccessWindow, bool Degraded);

/// <summary>
/// The JSON kept in the <c>agent_state</c> store for one agent. Fields added later are optional, so a
/// document written by an earlier version still loads: <see cref="Rated"/> and <see cref="RatedUnsuccessful"/>
/// are 0 there.
/// </summary>
internal sealed record AgentStateDocument(
    string AgentId,
    string FeatureCode,
    long Interactions,
    long Successes,
    double LatencySumUs,
    double ConfidenceSum,
    DateTimeOffset LastActive,
    StoredLearner? Learner = null,
    IReadOnlyList<StoredExperience>? Experiences = null,
    long Rated = 0,
    long RatedUnsuccessful = 0)
{
    /// <summary>The trajectory id of the record holding an agent's whole replay buffer.</summary>
    public const string ReplayRecordId = "replay";

    /// <summary>
    /// The three stores' records of one agent, encoded from its live state: the learner's table goes
    /// straight to bytes under its lock and the document is written by <paramref name="json"/> (a
    /// new writer when none is given) without being built.
    /// </summary>
    public static (AgentStateRecord State, QTableRecord? QTable, List<TrajectoryRecord> Trajectories) ToRecords(
        Feature feature, AgentCounters counters, QLearner? learner, ReadOnlySpan<Experience> experiences, AgentStateJsonWriter? json = null)
    {
        var agentId = Elex.Core.Agents.AgentId.For(feature.Code);
        var (rated, ratedUnsuccessful) = counters.ReadRatings();
        var learned = learner?.ToRecord();
        var text = (json ?? new AgentStateJsonWriter()).Write(agentId, feature.Code.Value, counters.Read(), learned, experiences, rated, ratedUnsuccessful);
        var state = new AgentStateRecord(agentId, text);
        if (learned is null) return (state, null, []);

        // The whole replay buffer is one record: one row per agent instead of one per trajectory
        // keeps a full write of every agent a few thousand rows.
        var packed = ReplayPacking.Pack(learned.Trajectories);
        List<TrajectoryRecord> trajectories = packed.Length == 0 ? [] : [new TrajectoryRecord(agentId, ReplayRecordId, packed)];
        return (state, new QTableRecord(agentId, learned.QTable), trajectories);
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
            if (document.Rated < 0 || document.RatedUnsuccessful < 0 || document.RatedUnsuccessful > document.Rated)
                return (null, $"agent_state record {record.AgentId}: rating counts are inconsistent ({document.RatedUnsuccessful} unsuccessful of {document.Rated} rated)");
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
        // A packed replay record supersedes per-trajectory records an older version may have left.
        var replay = trajectories.FirstOrDefault(t => t.TrajectoryId == ReplayRecordId);
        var decoded = (replay is null ? trajectories : [replay]).SelectMany(t => ReplayPacking.Unpack(t.Data, $"{t.AgentId}/{t.TrajectoryId}")).ToArray();
        return QLearner.Restore(new LearnerSnapshot(values, visits, stored.Epsilon, stored.Interactions, window, decoded, stored.Degraded), options);
    }

    /// <summary>The stored experiences as log entries of an earlier run, with their ratings (invalid ones are skipped; an invalid rating is dropped).</summary>
    public IEnumerable<Experience> RestoreExperiences(FeatureCode feature)
    {
        foreach (var e in Experiences ?? [])
        {
            if (e.State is < 0 or >= LearningState.Count || !Enum.IsDefined((ResponseAction)e.Action)) continue;
            var rating = e is { Reward: { } reward and >= -1f and <= 1f, Success: { } success, Outcome: { } outcome and >= 0 } ? new Rating(reward, success, outcome) : (Rating?)null;
            yield return new Experience(e.ResponseId, feature, LearningState.FromIndex(e.State), (ResponseAction)e.Action, e.Timestamp) { Rating = rating, FromEarlierRun = true };
        }
    }
}
