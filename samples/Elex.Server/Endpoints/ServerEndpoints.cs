using Elex.Server.Auth;
using Elex.Server.Http;
using OpenTelemetry.Exporter;

namespace Elex.Server.Endpoints;

/// <summary>Every route of the server and who may use it.</summary>
internal static class ServerEndpoints
{
    public static void MapServerEndpoints(this WebApplication app)
    {
        app.MapGet("/health", HealthEndpoint.Handle).AllowAnonymous();

        var limited = app.MapGroup("").RequireRateLimiting(ClientRateLimiting.PolicyName);
        limited.MapPost("/ask", AskEndpoint.Handle).RequireAuthorization(Roles.AskPolicy);
        limited.MapPost("/ask/stream", AskStreamEndpoint.Handle).RequireAuthorization(Roles.AskPolicy);
        limited.MapPost("/feedback", FeedbackEndpoint.Handle).RequireAuthorization(Roles.TrainPolicy);
        limited.MapGet("/stats", StatsEndpoint.Handle).RequireAuthorization(Roles.OperatePolicy);
        limited.MapGet("/stream/responses", LiveStreamEndpoint.Responses).RequireAuthorization(Roles.OperatePolicy);
        limited.MapGet("/stream/telemetry", LiveStreamEndpoint.Telemetry).RequireAuthorization(Roles.OperatePolicy);
        app.MapPrometheusScrapingEndpoint().RequireAuthorization(Roles.OperatePolicy);
    }
}
