using System.Text.Json;

namespace Elex.Server;

/// <summary>An endpoint result written straight into the response with a <see cref="Utf8JsonWriter"/>: no intermediate string.</summary>
internal sealed class JsonWriterResult(Action<Utf8JsonWriter> write, int statusCode = StatusCodes.Status200OK) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter)) write(writer);
        await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }
}
