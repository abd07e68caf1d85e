using System.Text.Json;

namespace Elex.Server.Http;

/// <summary>Reads a JSON request body, or says in a problem why it could not.</summary>
internal static class JsonBody
{
    public static async Task<BodyRead<T>> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (!request.HasJsonContentType())
            return new(null, ProblemResponses.Result(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."));
        try
        {
            var value = await request.ReadFromJsonAsync<T>(Json.Options, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return value is null
                ? new(null, ProblemResponses.Result(StatusCodes.Status400BadRequest, "Malformed request", "The body is empty or null."))
                : new(value, null);
        }
        catch (JsonException e)
        {
            return new(null, ProblemResponses.Result(StatusCodes.Status400BadRequest, "Malformed request", $"The body is not valid JSON for this endpoint: {e.Message}"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, ProblemResponses.Result(StatusCodes.Status413PayloadTooLarge, "Request body too large", e.Message));
        }
    }
}

/// <summary>A request body read: the value, or the problem to answer with.</summary>
internal readonly record struct BodyRead<T>(T? Value, IResult? Problem) where T : class;
