using System.Security.Claims;
using System.Text.Json;
using Elex.Core.Learning;
using Elex.Hosting;
using Elex.Server.Feedback;
using Elex.Server.Http;

namespace Elex.Server.Endpoints;

/// <summary>
/// <c>POST /feedback</c> (role trainer): rates an answer, teaching its agent, and — with <c>correctFeature</c> — the
/// router. The rating is recorded against the authenticated user and logged with their name.
/// </summary>
internal static partial class FeedbackEndpoint
{
    public static async Task<IResult> Handle(HttpRequest request, ClaimsPrincipal user, IElexSwarmAccessor elex, FeedbackLedger ledger, TimeProvider clock, ILogger<FeedbackLedger> logger)
    {
        // A rating is only taken from someone it can be attributed to: a token from another issuer may carry only `sub`.
        if ((user.Identity?.Name ?? user.FindFirst("sub")?.Value) is not { Length: > 0 } ratedBy)
            return ProblemResponses.Result(StatusCodes.Status403Forbidden, "No user to attribute the rating to", "The credentials name no user (claim 'name' or 'sub').");
        var body = await JsonBody.ReadAsync<FeedbackRequest>(request).ConfigureAwait(false);
        if (body.Problem is not null) return body.Problem;
        var rating = body.Value!;
        if (rating.Reward is null && rating.Success is null)
            return ProblemResponses.Result(StatusCodes.Status400BadRequest, "Malformed request", "Give 'reward' (from -1 to 1), 'success' (true or false), or both.");
        var reward = rating.Reward ?? (rating.Success!.Value ? 1f : -1f);
        var feedback = new Core.Learning.Feedback(rating.ResponseId, rating.AgentId, reward, rating.Success ?? reward > 0);

        var swarm = elex.Swarm;
        var result = await swarm.FeedbackAsync(feedback, request.HttpContext.RequestAborted).ConfigureAwait(false);
        ledger.Record(ratedBy, result, clock.GetUtcNow());
        LogFeedback(logger, ratedBy, result.ResponseId ?? feedback.ResponseId, result.AgentId ?? feedback.AgentId, result.Status);
        if (!result.Applied) return Problem(result);

        Streams.Routing.CorrectionResult? correction = null;
        if (!string.IsNullOrWhiteSpace(rating.CorrectFeature) && result.ResponseId is { } responseId)
            correction = await swarm.CorrectAsync(responseId, rating.CorrectFeature, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var durable = elex.StorePath is not null;
        return new JsonWriterResult(writer => Write(writer, result, ratedBy, durable, correction));
    }

    private static IResult Problem(FeedbackResult result) => result.Status switch
    {
        FeedbackStatus.UnknownResponse => ProblemResponses.Result(StatusCodes.Status404NotFound, "Unknown response", result.Message),
        FeedbackStatus.UnknownAgent => ProblemResponses.Result(StatusCodes.Status404NotFound, "Unknown agent", result.Message),
        FeedbackStatus.InvalidReward or FeedbackStatus.MissingTarget => ProblemResponses.Result(StatusCodes.Status400BadRequest, "Malformed request", result.Message),
        _ => ProblemResponses.Result(StatusCodes.Status500InternalServerError, "Feedback not applied", result.Message),
    };

    private static void Write(Utf8JsonWriter writer, FeedbackResult result, string ratedBy, bool durable, Streams.Routing.CorrectionResult? correction)
    {
        writer.WriteStartObject();
        writer.WriteString("feedback", result.Status.ToString());
        writer.WriteString("ratedBy", ratedBy);
        writer.WriteString("agentId", result.AgentId);
        writer.WriteString("responseId", result.ResponseId);
        writer.WriteBoolean("success", result.Rating?.Success ?? result.Feedback.Success);
        writer.WriteBoolean("replaced", result.Replaced is not null);
        writer.WriteBoolean("durable", durable);
        writer.WriteString("message", result.Message);
        if (correction is not null)
        {
            writer.WriteStartObject("correction");
            writer.WriteBoolean("applied", correction.Applied);
            writer.WriteString("message", correction.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    [LoggerMessage(31, LogLevel.Information, "Feedback from {User} on response {ResponseId} (agent {AgentId}): {Status}")]
    private static partial void LogFeedback(ILogger logger, string user, string? responseId, string? agentId, FeedbackStatus status);
}
