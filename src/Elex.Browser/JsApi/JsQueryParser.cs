using System.Text.Json;
using Elex.Core.Queries;

namespace Elex.Browser.JsApi;

/// <summary>Reads a JS query object into a <see cref="Query"/>, refusing what the swarm could not answer with INVALID_QUERY.</summary>
public static class JsQueryParser
{
    /// <summary>Longest question accepted; longer text is almost certainly a paste error.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>Parses <paramref name="json"/> (a JSON object) into a query.</summary>
    /// <exception cref="ElexApiException">INVALID_QUERY, naming the field.</exception>
    public static Query Parse(string? json)
    {
        JsQuery? input;
        try
        {
            input = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize(json, ElexJsonContext.Default.JsQuery);
        }
        catch (JsonException e)
        {
            throw Invalid($"the query is not a valid object ({e.Message})");
        }
        if (input is null) throw Invalid("the query must be an object like { text: 'which counters show MSM is working?' }");
        if (string.IsNullOrWhiteSpace(input.Text)) throw Invalid("query.text is required and must not be empty");
        if (input.Text.Length > MaxTextLength) throw Invalid($"query.text has {input.Text.Length} characters; at most {MaxTextLength} are accepted");
        var type = ParseEnum<QueryType>(input.Type ?? input.QueryType, "type");
        var complexity = ParseEnum<Complexity>(input.Complexity, "complexity");
        return new Query(input.Text, type, complexity, input.Id, input.Context) { All = true };
    }

    private static T? ParseEnum<T>(JsonElement? value, string field) where T : struct, Enum
    {
        if (value is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var number) && Enum.IsDefined(typeof(T), number))
            return (T)(object)number;
        if (element.ValueKind == JsonValueKind.String && Enum.TryParse<T>(element.GetString(), ignoreCase: true, out var named) && !int.TryParse(element.GetString(), out _))
            return named;
        throw Invalid($"query.{field} {element.GetRawText()} is not one of {string.Join(", ", Enum.GetValues<T>().Select(v => $"{v} ({Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)})"))}");
    }

    private static ElexApiException Invalid(string message) => new(ElexErrorCodes.InvalidQuery, message);
}
