using Elex.Core.Responses;

namespace Elex.Browser.JsApi;

/// <summary>A response as the JS API delivers it (plain JSON, the seed's names plus evidence, safety and ids).</summary>
public sealed record JsResponse(
    string ResponseId,
    string QueryId,
    string QueryText,
    string Status,
    string Text,
    string? AgentId,
    string? FeatureCode,
    string? FeatureName,
    float Confidence,
    int QueryType,
    string QueryTypeName,
    int Complexity,
    string ComplexityName,
    IReadOnlyList<string> Alternatives,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<JsCommand> Commands,
    IReadOnlyList<string> CmeditCommands,
    string RiskLevel,
    IReadOnlyList<string> Warnings,
    string Strategy,
    string? Error,
    double LatencyMs,
    long Timestamp,
    IReadOnlyList<string> NamedFeatures,
    IReadOnlyList<string> ContextFeatures,
    bool ResolvedFromContext)
{
    /// <summary>Maps a swarm response.</summary>
    public static JsResponse From(QueryResponse r) => new(
        r.ResponseId, r.QueryId, r.QueryText, r.Status.ToString(), r.Text, r.AgentId, r.FeatureCode, r.FeatureName, r.Confidence,
        (int)r.QueryType, r.QueryType.ToString(), (int)r.Complexity, r.Complexity.ToString(),
        r.Alternatives, r.Evidence, [.. r.Commands.Select(JsCommand.From)], [.. r.CmeditCommands], r.RiskLevel, r.Warnings,
        r.Strategy.ToString(), r.Error, r.LatencyMs, r.Timestamp.ToUnixTimeMilliseconds(),
        r.NamedFeatures, r.ContextFeatures, r.ResolvedFromContext);
}

/// <summary>A proposed cmedit command and its safety verdict (<c>Safe</c>, <c>NeedsApproval</c>, <c>Rejected</c>).</summary>
public sealed record JsCommand(string Command, string Kind, string Purpose, string? Mo, string? Parameter, string? Value, string Safety, string SafetyReason, bool Runnable)
{
    /// <summary>Maps a proposed command.</summary>
    public static JsCommand From(ProposedCommand c) =>
        new(c.Command, c.Kind.ToString(), c.Purpose, c.Mo, c.Parameter, c.Value, c.Safety.ToString(), c.SafetyReason, c.IsRunnable);
}
