using System.Net;
using System.Text;

namespace Elex.Dashboard.Tests;

/// <summary>
/// The team server at the HTTP seam: each "METHOD /path" answers what it was given (404 otherwise), and every request
/// is recorded with its API key and body. Tests of the dashboard's server mode run against it, without a server.
/// </summary>
internal sealed class FakeServer : HttpMessageHandler
{
    private readonly Dictionary<string, (HttpStatusCode Status, string MediaType, string Body)> _routes = new(StringComparer.Ordinal);

    public List<(string Route, string? ApiKey, string? Body)> Requests { get; } = [];

    public FakeServer Answer(string route, HttpStatusCode status, string body, string mediaType = "application/json")
    {
        _routes[route] = (status, mediaType, body);
        return this;
    }

    public FakeServer Problem(string route, HttpStatusCode status, string title, string detail) =>
        Answer(route, status, $$"""{"type":"about:blank","title":"{{title}}","status":{{(int)status}},"detail":"{{detail}}"}""", "application/problem+json");

    /// <summary>A server's <c>/health</c>, so the page knows it was served by one.</summary>
    public FakeServer Healthy() => Answer("GET /health", HttpStatusCode.OK, """{"status":"ok","features":593}""");

    public HttpClient Client() => new(this) { BaseAddress = new Uri("http://server.test/") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = $"{request.Method} {request.RequestUri!.AbsolutePath}";
        var key = request.Headers.TryGetValues("X-Api-Key", out var keys) ? keys.Single() : null;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests) Requests.Add((route, key, body));
        if (!_routes.TryGetValue(route, out var answer)) return new HttpResponseMessage(HttpStatusCode.NotFound);
        return new HttpResponseMessage(answer.Status) { Content = new StringContent(answer.Body, Encoding.UTF8, answer.MediaType) };
    }
}
