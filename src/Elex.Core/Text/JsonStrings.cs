using System.Text.Json;

namespace Elex.Core.Text;

/// <summary>
/// Reads JSON strings that may not be text: an escape such as <c>"\uD800"</c> (a lone UTF-16
/// surrogate) is valid JSON, and <see cref="JsonDocument"/> checks a string's UTF-8 only when it is
/// read, but <see cref="JsonElement.GetString"/> then throws <see cref="InvalidOperationException"/>.
/// Loaders report such a value as a field error instead.
/// </summary>
internal static class JsonStrings
{
    /// <summary>How such a value is described in an error.</summary>
    public const string NotText = "a string that is not valid text (a lone UTF-16 surrogate such as \\uD800)";

    /// <summary>The string's value, or null when <paramref name="element"/> is not a string or not valid text.</summary>
    public static string? Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String) return null;
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A property's name, or null when it is not valid text.</summary>
    public static string? NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A JSON value as an error message shows it: strings quoted and cut at <paramref name="length"/>, kinds in words.</summary>
    public static string Describe(JsonElement element, int length = 40) => element.ValueKind switch
    {
        JsonValueKind.String => Read(element) is { } text ? $"\"{Truncate(text, length)}\"" : NotText,
        JsonValueKind.Number => $"number {element.GetRawText()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString(),
    };

    /// <summary><paramref name="text"/> cut at <paramref name="length"/> characters, with an ellipsis when cut.</summary>
    public static string Truncate(string text, int length = 40) => text.Length <= length ? text : text[..length] + "…";
}
