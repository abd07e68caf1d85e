using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Elex.Browser.JsApi;

/// <summary>
/// What a [JSExport] answers JavaScript: <c>{"value":…}</c>, or <c>{"error":{"code":…,"message":…}}</c>
/// when the call failed with an <see cref="ElexApiException"/>. <c>elex.js</c> builds its <c>ElexError</c>
/// from the <c>code</c> field, so no code is ever read out of an exception's text. Any other exception
/// still throws across: that is a bug, which <c>elex.js</c> reports as INTERNAL with the runtime's stack.
/// </summary>
internal static class JsOutcome
{
    /// <summary>The value of a call that answers nothing.</summary>
    public const string Nothing = "null";

    /// <summary>Runs <paramref name="valueJson"/>; its JSON as the value, or its <see cref="ElexApiException"/> as the error.</summary>
    public static string Of(Func<string> valueJson)
    {
        ArgumentNullException.ThrowIfNull(valueJson);
        try
        {
            return Success(valueJson());
        }
        catch (ElexApiException e)
        {
            return Failure(e);
        }
    }

    /// <summary>As <see cref="Of"/>, for a call that completes later.</summary>
    public static async Task<string> OfAsync(Func<Task<string>> valueJson)
    {
        ArgumentNullException.ThrowIfNull(valueJson);
        try
        {
            return Success(await valueJson().ConfigureAwait(true));
        }
        catch (ElexApiException e)
        {
            return Failure(e);
        }
    }

    /// <summary>The outcome carrying <paramref name="valueJson"/> (JSON the caller produced) as its value.</summary>
    public static string Success(string valueJson) => $"{{\"value\":{valueJson}}}";

    /// <summary>The outcome carrying the failure's code and message.</summary>
    public static string Failure(ElexApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("code", error.Code);
            json.WriteString("message", error.Message);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A string as a JSON value.</summary>
    public static string Json(string text) => JsonSerializer.Serialize(text, ElexJsonContext.Default.String);

    /// <summary>A number as a JSON value.</summary>
    public static string Json(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>A truth value as a JSON value.</summary>
    public static string Json(bool value) => value ? "true" : "false";
}
