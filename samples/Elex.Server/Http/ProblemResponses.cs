using Microsoft.AspNetCore.Mvc;

namespace Elex.Server.Http;

/// <summary>RFC 7807 problem details: every error the server sends has this shape (<c>application/problem+json</c>).</summary>
internal static class ProblemResponses
{
    /// <summary>Adds what every problem carries: the request's trace id, so a report can be matched with the log.</summary>
    public static void Customize(ProblemDetailsOptions options) =>
        options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;

    /// <summary>A problem as an endpoint result.</summary>
    public static IResult Result(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>Writes a problem directly, for middleware that answers before any endpoint.</summary>
    public static async Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }
}
