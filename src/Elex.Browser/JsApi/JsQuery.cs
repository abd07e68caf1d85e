using System.Text.Json;

namespace Elex.Browser.JsApi;

/// <summary>The JS <c>query(q)</c> argument: <c>text</c>, optional <c>type</c> (alias <c>queryType</c>) and <c>complexity</c> as number or name.</summary>
public sealed record JsQuery
{
    /// <summary>The question.</summary>
    public string? Text { get; init; }
    /// <summary>Query type: number (seed enum) or name.</summary>
    public JsonElement? Type { get; init; }
    /// <summary>The seed's name for <see cref="Type"/>.</summary>
    public JsonElement? QueryType { get; init; }
    /// <summary>Complexity: number (seed enum) or name.</summary>
    public JsonElement? Complexity { get; init; }
    /// <summary>Caller's id, echoed as <c>queryId</c>.</summary>
    public string? Id { get; init; }
    /// <summary>Optional context hash.</summary>
    public string? Context { get; init; }
}
