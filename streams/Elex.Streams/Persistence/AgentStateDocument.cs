using System.Text.Json;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Storage;

namespace Elex.Streams.Persistence;

/// <summary>The JSON kept in the <c>agent_state</c> store for one agent.</summary>
internal sealed record AgentStateDocument(
    string AgentId,
    string FeatureCode,
    long Interactions,
    long Successes,
    double LatencySumUs,
    double ConfidenceSum,
    DateTimeOffset LastActive)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AgentStateRecord ToRecord(Feature feature, AgentCounters counters)
    {
        var (interactions, successes, latency, confidence, last) = counters.Read();
        var document = new AgentStateDocument(Elex.Core.Agents.AgentId.For(feature.Code), feature.Code.Value, interactions, successes, latency, confidence, last);
        return new AgentStateRecord(document.AgentId, JsonSerializer.Serialize(document, Json));
    }

    /// <summary>Parses a stored record; a corrupt one yields null and the reason.</summary>
    public static (AgentStateDocument? Document, string? Error) Parse(AgentStateRecord record)
    {
        try
        {
            var document = JsonSerializer.Deserialize<AgentStateDocument>(record.Json, Json);
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
}
