using System.Text.Json;
using Elex.Core.Responses;
using Elex.Streams;

namespace Elex.Browser.JsApi;

/// <summary>
/// An answer part as <c>swarm.queryStream</c> delivers it: JSON whose <c>kind</c> says which it is —
/// <c>routed</c>, <c>section</c>, <c>verdict</c>, <c>done</c> (the response, as <c>query</c> resolves) or
/// <c>error</c> (<c>{ error: { code, message } }</c>, the API's convention).
/// </summary>
internal static class JsAnswerPart
{
    /// <summary>The part's JSON.</summary>
    public static string Json(AnswerPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var c = ElexJsonContext.Default;
        return part.Kind switch
        {
            AnswerPartKind.Routed => JsonSerializer.Serialize(JsRoutedPart.From(part.QueryId, part.Routing!), c.JsRoutedPart),
            AnswerPartKind.Section => JsonSerializer.Serialize(new JsSectionPart("section", part.QueryId, part.Index, part.Section!.Title, part.Section.Lines), c.JsSectionPart),
            AnswerPartKind.Verdict => JsonSerializer.Serialize(new JsVerdictPart("verdict", part.QueryId, part.Index, JsCommand.From(part.Command!)), c.JsVerdictPart),
            AnswerPartKind.Done => JsonSerializer.Serialize(new JsDonePart("done", part.QueryId, JsResponse.From(part.Response!)), c.JsDonePart),
            _ => JsonSerializer.Serialize(new JsErrorPart("error", part.QueryId, part.FailedStage, new JsPartError(CodeOf(part), part.Failure?.Message ?? "failed"),
                part.Response is { } r ? JsResponse.From(r) : null), c.JsErrorPart),
        };
    }

    // The API's codes: an unusable question, a swarm shut down, anything else is a fault inside the swarm.
    private static string CodeOf(AnswerPart part) => part switch
    {
        { Failure: ObjectDisposedException } => ElexErrorCodes.SwarmDisposed,
        { FailedStage: "classify" } => ElexErrorCodes.InvalidQuery,
        _ => ElexErrorCodes.Internal,
    };
}

/// <summary>Where the question goes, before it is answered.</summary>
public sealed record JsRoutedPart(string Kind, string QueryId, string? FeatureCode, string? FeatureName, string? AgentId, float Confidence, bool Abstained,
    IReadOnlyList<JsCandidate> Candidates, IReadOnlyList<string> Evidence, bool ResolvedFromContext)
{
    /// <summary>Maps a routing decision.</summary>
    public static JsRoutedPart From(string queryId, RoutingDecision d) => new("routed", queryId, d.FeatureCode, d.FeatureName, d.AgentId, d.Confidence, d.Abstained,
        [.. d.Candidates.Select(c => new JsCandidate(c.FeatureCode, c.FeatureName, c.Similarity, c.Why))], d.Evidence, d.ResolvedFromContext);
}

/// <summary>A feature the router weighed, and why.</summary>
public sealed record JsCandidate(string FeatureCode, string FeatureName, float Similarity, string Why);

/// <summary>One section of the answer.</summary>
public sealed record JsSectionPart(string Kind, string QueryId, int Index, string Title, IReadOnlyList<string> Lines);

/// <summary>One proposed command with its safety verdict.</summary>
public sealed record JsVerdictPart(string Kind, string QueryId, int Index, JsCommand Command);

/// <summary>The whole response, last.</summary>
public sealed record JsDonePart(string Kind, string QueryId, JsResponse Response);

/// <summary>The query failed: the stage, the error (code, message), and the Error response when the query got one.</summary>
public sealed record JsErrorPart(string Kind, string QueryId, string? Stage, JsPartError Error, JsResponse? Response);

/// <summary>An error's code and message, as every rejection of the API carries them.</summary>
public sealed record JsPartError(string Code, string Message);
