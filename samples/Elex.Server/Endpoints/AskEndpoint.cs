using Elex.Cli;
using Elex.Hosting;
using Elex.Server.Http;
using Elex.Streams.Pipeline;

namespace Elex.Server.Endpoints;

/// <summary><c>POST /ask</c>: one question, its whole response (the <c>elex ask --json</c> shape).</summary>
internal static class AskEndpoint
{
    public static async Task<IResult> Handle(HttpRequest request, IElexSwarmAccessor elex)
    {
        var body = await JsonBody.ReadAsync<AskRequest>(request).ConfigureAwait(false);
        if (body.Problem is not null) return body.Problem;
        var (query, problem) = body.Value!.ToQuery();
        if (query is null) return ProblemResponses.Result(StatusCodes.Status400BadRequest, "Malformed request", problem!);
        try
        {
            // Never queue behind a full ingress: a client told "busy" can retry, a request held open ties up the server.
            var response = await elex.Swarm.TryQueryAsync(query).WaitAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            return new JsonWriterResult(writer => ResponseJson.Write(writer, query.Id, response));
        }
        catch (SwarmBusyException)
        {
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return ProblemResponses.Result(StatusCodes.Status503ServiceUnavailable, "Swarm busy", "The swarm's queue is full; try again shortly.");
        }
    }
}
