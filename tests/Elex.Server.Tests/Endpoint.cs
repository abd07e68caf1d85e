namespace Elex.Server.Tests;

/// <summary>One route of the server with a well-formed request body, and the role it needs.</summary>
public sealed record Endpoint(string Method, string Path, string? Body, string Needs)
{
    public static readonly Endpoint Health = new("GET", "/health", null, "nobody");
    public static readonly Endpoint Ask = new("POST", "/ask", """{"text":"what is MSM?"}""", "any user");
    public static readonly Endpoint AskStream = new("POST", "/ask/stream", """{"text":"what is MSM?"}""", "any user");
    public static readonly Endpoint Feedback = new("POST", "/feedback", """{"agentId":"FAJ 121 3094","reward":1}""", "trainer");
    public static readonly Endpoint Stats = new("GET", "/stats", null, "operator");
    public static readonly Endpoint ResponseStream = new("GET", "/stream/responses", null, "operator");
    public static readonly Endpoint TelemetryStream = new("GET", "/stream/telemetry", null, "operator");
    public static readonly Endpoint Metrics = new("GET", "/metrics", null, "operator");

    public static readonly Endpoint[] Protected = [Ask, AskStream, Feedback, Stats, ResponseStream, TelemetryStream, Metrics];

    public static Endpoint Named(string path) => path == Health.Path ? Health : Protected.Single(e => e.Path == path);

    public HttpRequestMessage Request(Credentials credentials) => Body is null
        ? ServerRequests.Get(Path, credentials)
        : ServerRequests.Json(new HttpMethod(Method), Path, Body, credentials);

    /// <summary>Sends the request and returns once the status is known (a live stream's body is not waited for).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpClient client, Credentials credentials) =>
        client.SendAsync(Request(credentials), HttpCompletionOption.ResponseHeadersRead);
}
