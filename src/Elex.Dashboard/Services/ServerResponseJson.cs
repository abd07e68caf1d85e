using System.Text.Json;
using Elex.Core.Queries;
using Elex.Core.Responses;

namespace Elex.Dashboard.Services;

/// <summary>
/// Reads the server's JSON (a response in the <c>elex ask --json</c> shape, <c>/stats</c>, problem details) into the
/// dashboard's types. By hand over <see cref="JsonElement"/>: nothing for the trimmer to lose.
/// </summary>
internal static class ServerResponseJson
{
    public static QueryResponse Response(JsonElement json, string question) => new()
    {
        ResponseId = String(json, "responseId") ?? "",
        QueryId = String(json, "id") ?? "",
        QueryText = question,
        Status = Enum<ResponseStatus>(json, "status"),
        Text = String(json, "text") ?? "",
        AgentId = String(json, "agentId"),
        FeatureCode = String(json, "featureCode"),
        FeatureName = String(json, "featureName"),
        Confidence = json.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetSingle() : 0,
        QueryType = Enum<QueryType>(json, "queryType"),
        Complexity = Enum<Complexity>(json, "complexity"),
        Strategy = Enum<Elex.Core.Learning.ResponseAction>(json, "strategy"),
        LatencyUs = Number(json, "latencyUs"),
        QueueUs = Number(json, "queueUs"),
        Alternatives = Strings(json, "alternatives"),
        Evidence = Strings(json, "evidence"),
        Warnings = Strings(json, "warnings"),
        Commands = Commands(json),
        Error = String(json, "error"),
    };

    public static ServerStats Stats(JsonElement json)
    {
        var swarm = json.GetProperty("swarm");
        var latency = swarm.TryGetProperty("latency", out var l) ? l : default;
        return new ServerStats(
            (int)Number(swarm, "totalAgents"),
            (int)Number(swarm, "activeAgents"),
            (long)Number(swarm, "totalQueries"),
            Number(swarm, "successRate"),
            Number(latency, "p50Us"),
            Number(latency, "p95Us"),
            Number(latency, "p99Us"),
            (long)Number(json, "rateLimited"));
    }

    /// <summary>The problem's title and detail, or null when the body is not a problem.</summary>
    public static (string Title, string? Detail)? Problem(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var json = document.RootElement;
            return String(json, "title") is { } title ? (title, String(json, "detail")) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<ProposedCommand> Commands(JsonElement json)
    {
        var commands = new List<ProposedCommand>();
        if (!json.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array) return commands;
        foreach (var action in actions.EnumerateArray())
            commands.Add(new ProposedCommand(String(action, "command") ?? "", Enum<CommandKind>(action, "kind"), String(action, "purpose") ?? "")
            {
                Safety = Enum<SafetyStatus>(action, "safety", SafetyStatus.PendingValidation),
                SafetyReason = String(action, "reason") ?? "",
            });
        return commands;
    }

    private static string? String(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double Number(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;

    private static List<string> Strings(JsonElement json, string name)
    {
        var strings = new List<string>();
        if (json.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
            foreach (var item in array.EnumerateArray())
                if (item.ValueKind == JsonValueKind.String) strings.Add(item.GetString()!);
        return strings;
    }

    // A name this build does not know (a newer server) reads as the default rather than failing the whole answer.
    private static T Enum<T>(JsonElement json, string name, T fallback = default) where T : struct, System.Enum =>
        System.Enum.TryParse<T>(String(json, name), ignoreCase: false, out var value) ? value : fallback;
}
