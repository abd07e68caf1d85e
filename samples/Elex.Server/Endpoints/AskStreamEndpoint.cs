using System.Threading.Channels;
using Elex.Hosting;
using Elex.Server.Http;
using Elex.Server.Streaming;
using Elex.Streams;

namespace Elex.Server.Endpoints;

/// <summary>
/// <c>POST /ask/stream</c>: one question, its answer as Server-Sent Events while the pipeline builds it —
/// <c>routed</c>, each <c>section</c>, each command's <c>verdict</c>, then <c>done</c> (the whole response) or <c>error</c>.
/// </summary>
internal static class AskStreamEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, IElexSwarmAccessor elex)
    {
        var body = await JsonBody.ReadAsync<AskRequest>(context.Request).ConfigureAwait(false);
        if (body.Problem is not null) return body.Problem;
        var (query, problem) = body.Value!.ToQuery();
        if (query is null) return ProblemResponses.Result(StatusCodes.Status400BadRequest, "Malformed request", problem!);

        var cancellation = context.RequestAborted;
        // One question's parts are few (a section per part of the answer, a verdict per command), so the queue
        // between the pipeline's thread and this request is bounded by the answer itself.
        var parts = Channel.CreateUnbounded<AnswerPart>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var subscription = elex.Swarm.QueryStream(query, cancellation).Subscribe(
            part => parts.Writer.TryWrite(part),
            error => parts.Writer.TryComplete(error),
            () => parts.Writer.TryComplete());
        try
        {
            await ServerSentEvents.StartAsync(context.Response, cancellation).ConfigureAwait(false);
            await foreach (var part in parts.Reader.ReadAllAsync(cancellation).ConfigureAwait(false))
            {
                ServerSentEvents.Write(context.Response, AnswerPartJson.EventName(part), AnswerPartJson.Data(part));
                await context.Response.BodyWriter.FlushAsync(cancellation).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client left; the question is still answered (and counted) by the swarm.
        }
        // Everything is written: nothing more to execute.
        return Results.Empty;
    }
}
