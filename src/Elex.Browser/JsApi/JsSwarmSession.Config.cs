using System.Text.Json;
using Elex.Streams;

namespace Elex.Browser.JsApi;

// The JS config, with the seed SDK's names, mapped onto the swarm's options.
public sealed partial class JsSwarmSession
{
    private static JsSwarmConfig ParseConfig(string? json)
    {
        try
        {
            return (string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize(json, ElexJsonContext.Default.JsSwarmConfig)) ?? new JsSwarmConfig();
        }
        catch (JsonException e)
        {
            throw new ElexApiException(ElexErrorCodes.InvalidConfig, $"the config is not a valid object ({e.Message})");
        }
    }

    private static SwarmConfig ToSwarmConfig(JsSwarmConfig input)
    {
        var defaults = new SwarmConfig();
        try
        {
            return new SwarmConfig
            {
                Topology = input.Topology is { } topology ? SwarmConfig.ParseTopology(topology) : defaults.Topology,
                MaxAgents = input.MaxAgents ?? defaults.MaxAgents,
                EnableTelemetry = input.EnableTelemetry ?? defaults.EnableTelemetry,
                EnableIndexedDB = input.EnableIndexedDB ?? defaults.EnableIndexedDB,
                LazyLoading = input.LazyLoading ?? defaults.LazyLoading,
                AutoSync = input.AutoSync ?? defaults.AutoSync,
                SyncIntervalMs = input.SyncIntervalMs ?? defaults.SyncIntervalMs,
                MinConfidence = input.MinConfidence ?? defaults.MinConfidence,
                // The sentence model may be loaded later (loadModel) and answers with a Promise.
                AsyncModel = true,
            }.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ElexApiException(ElexErrorCodes.InvalidConfig, e.Message, e);
        }
    }
}
