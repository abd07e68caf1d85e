using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Elex.Server.Http;

/// <summary>
/// Caps every request body at <see cref="ServerOptions.MaxRequestBodyBytes"/>: a declared length above it is refused
/// with 413 before anything is read, and the server's own cap (Kestrel's) is lowered to it, so a chunked body that
/// grows past it fails while being read (<see cref="JsonBody"/> answers that with 413 too).
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, IOptions<ServerOptions> options)
{
    private readonly long _max = options.Value.MaxRequestBodyBytes;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _max)
            return ProblemResponses.Write(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The body is {context.Request.ContentLength} bytes; this server takes at most {_max}.");
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = _max;
        return next(context);
    }
}
