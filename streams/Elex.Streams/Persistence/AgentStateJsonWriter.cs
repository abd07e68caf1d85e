using System.Text;
using Elex.Core.Learning;

namespace Elex.Streams.Persistence;

/// <summary>
/// Writes the <c>agent_state</c> JSON of one agent straight from its live parts, byte for byte what
/// the source-generated serializer makes of the equivalent <see cref="AgentStateDocument"/> (which
/// still reads it). A persist of every agent writes 593 of these; building the document and running
/// the serializer's writer over it was most of that write's time in interpreted WebAssembly.
/// Not thread-safe: <see cref="AgentStateWriter"/> uses one under its lock.
/// </summary>
internal sealed class AgentStateJsonWriter
{
    private readonly Utf8JsonScratch _json = new();

    /// <summary>The document's JSON: counters, the learner's scalars (when it has one) and the experiences with their ratings.</summary>
    public string Write(string agentId, string featureCode,
        in (long Interactions, long Successes, double LatencySumUs, double ConfidenceSum, DateTimeOffset LastActive) counters,
        LearnerRecord? learner, ReadOnlySpan<Experience> experiences, long rated, long ratedUnsuccessful)
    {
        var json = _json;
        json.Clear();
        json.Raw("{\"agentId\":"u8);
        json.String(agentId);
        json.Raw(",\"featureCode\":"u8);
        json.String(featureCode);
        json.Raw(",\"interactions\":"u8);
        json.Number(counters.Interactions);
        json.Raw(",\"successes\":"u8);
        json.Number(counters.Successes);
        json.Raw(",\"latencySumUs\":"u8);
        json.Number(counters.LatencySumUs);
        json.Raw(",\"confidenceSum\":"u8);
        json.Number(counters.ConfidenceSum);
        json.Raw(",\"lastActive\":"u8);
        json.Date(counters.LastActive);
        if (learner is not null)
        {
            json.Raw(",\"learner\":{\"epsilon\":"u8);
            json.Number(learner.Epsilon);
            json.Raw(",\"interactions\":"u8);
            json.Number(learner.Interactions);
            json.Raw(",\"successWindow\":"u8);
            json.String(learner.SuccessWindow);
            json.Raw(",\"degraded\":"u8);
            json.Bool(learner.Degraded);
            json.Raw("}"u8);
        }
        json.Raw(",\"experiences\":["u8);
        for (var i = 0; i < experiences.Length; i++)
        {
            ref readonly var e = ref experiences[i];
            json.Raw(i == 0 ? "{\"responseId\":"u8 : ",{\"responseId\":"u8);
            json.String(e.ResponseId);
            json.Raw(",\"state\":"u8);
            json.Number(e.State.Index);
            json.Raw(",\"action\":"u8);
            json.Number((int)e.Action);
            json.Raw(",\"timestamp\":"u8);
            json.Number(e.Timestamp);
            if (e.Rating.HasValue)
            {
                var rating = e.Rating.GetValueOrDefault();
                json.Raw(",\"reward\":"u8);
                json.Number(rating.Reward);
                json.Raw(",\"success\":"u8);
                json.Bool(rating.Success);
                json.Raw(",\"outcome\":"u8);
                json.Number(rating.Outcome);
            }
            json.Raw("}"u8);
        }
        json.Raw("],\"rated\":"u8);
        json.Number(rated);
        json.Raw(",\"ratedUnsuccessful\":"u8);
        json.Number(ratedUnsuccessful);
        json.Raw("}"u8);
        return Encoding.UTF8.GetString(json.Written);
    }
}
