using Elex.Hosting;

namespace Elex.Server.Endpoints;

/// <summary><c>GET /health</c> (anonymous): 200 while the swarm answers, 503 while it starts or stops. Says nothing private.</summary>
internal static class HealthEndpoint
{
    public static IResult Handle(IElexSwarmAccessor elex) => elex.IsRunning
        ? new JsonWriterResult(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "ok");
            writer.WriteNumber("features", elex.Swarm.Catalog.Count);
            writer.WriteEndObject();
        })
        : new JsonWriterResult(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "unavailable");
            writer.WriteEndObject();
        }, StatusCodes.Status503ServiceUnavailable);
}
