using System.Text.Json;
using Elex.Core.Learning;
using Elex.Core.Queries;

namespace Elex.Cli;

/// <summary>One parsed --jsonl input line: a query, a feedback record, or the reason it is neither.</summary>
internal readonly record struct JsonlRequest(Query? Query, string? Id, string? Error, Feedback? Feedback = null)
{
    public static JsonlRequest Parse(string line)
    {
        if (string.IsNullOrWhiteSpace(line)) return new(null, null, "empty line: expected a JSON object like {\"id\": \"q1\", \"text\": \"...\"}");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // ArgumentException: the line holds a lone UTF-16 surrogate, which has no UTF-8 form.
            return new(null, null, $"not valid JSON: {e.Message}");
        }
        using (doc)
        {
            try
            {
                return Read(doc.RootElement);
            }
            catch (InvalidOperationException e)
            {
                // A string escape such as "\uD800" (a lone surrogate) is valid JSON but no .NET string.
                return new(null, null, $"a string in the line is not valid text: {e.Message}");
            }
        }
    }

    private static JsonlRequest Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return new(null, null, $"expected a JSON object, found {root.ValueKind}");
        string? id = null;
        if (root.TryGetProperty("id", out var idElement))
        {
            id = idElement.ValueKind switch
            {
                JsonValueKind.String => idElement.GetString(),
                JsonValueKind.Number => idElement.GetRawText(),
                JsonValueKind.Null => null,
                _ => null,
            };
            if (idElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
                return new(null, null, $"\"id\" must be a string or number, found {idElement.ValueKind}");
        }
        if (root.TryGetProperty("feedback", out var feedbackElement)) return ParseFeedback(feedbackElement, id);
        if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
            return new(null, id, "\"text\" is required and must be a string");
        var text = textElement.GetString()!;
        if (string.IsNullOrWhiteSpace(text)) return new(null, id, "\"text\" is empty");
        if (QuestionLength.Problem(text) is { } tooLong) return new(null, id, $"\"text\" {tooLong}");
        if (!TryEnum<QueryType>(root, "type", out var type, out var typeError)) return new(null, id, typeError);
        if (!TryEnum<Complexity>(root, "complexity", out var complexity, out var complexityError)) return new(null, id, complexityError);
        return new(new Query(text, type, complexity, id) { All = true }, id, null);
    }

    // {"feedback": {"responseId": "r-…" | "agent": "FAJ 121 3094", "reward": 0.5, "success": true}}
    private static JsonlRequest ParseFeedback(JsonElement element, string? id)
    {
        if (element.ValueKind != JsonValueKind.Object) return new(null, id, $"\"feedback\" must be an object, found {element.ValueKind}");
        var responseId = element.TryGetProperty("responseId", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        var agent = element.TryGetProperty("agent", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        if (string.IsNullOrWhiteSpace(responseId) == string.IsNullOrWhiteSpace(agent))
            return new(null, id, "\"feedback\" needs either \"responseId\" or \"agent\" (a string), not both");
        if (!element.TryGetProperty("reward", out var reward) || reward.ValueKind != JsonValueKind.Number || !reward.TryGetSingle(out var value))
            return new(null, id, "\"feedback.reward\" is required and must be a number in [-1, 1]");
        // Without "success", a reward above 0 is a success and any other is not.
        var success = value > 0;
        if (element.TryGetProperty("success", out var s))
        {
            if (s.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return new(null, id, "\"feedback.success\" must be true or false");
            success = s.GetBoolean();
        }
        return new(null, id, null, new Feedback(responseId, agent, value, success));
    }

    private static bool TryEnum<T>(JsonElement root, string name, out T? value, out string? error) where T : struct, Enum
    {
        value = null;
        error = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return true;
        if (element.ValueKind == JsonValueKind.String && Enum.TryParse<T>(element.GetString(), ignoreCase: true, out var parsed)
            && Enum.IsDefined(parsed) && !int.TryParse(element.GetString(), out _))
        {
            value = parsed;
            return true;
        }
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var number) && Enum.IsDefined(typeof(T), number))
        {
            value = (T)Enum.ToObject(typeof(T), number);
            return true;
        }
        error = $"\"{name}\" must be one of {string.Join(", ", Enum.GetNames<T>())}, found {element.GetRawText()}";
        return false;
    }
}
