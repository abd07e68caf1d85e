using System.Net.Http.Headers;
using System.Text.Json;
using Elex.Core.Responses;

namespace Elex.Dashboard.Services;

/// <summary>
/// The team server's swarm over HTTP (docs/SERVER.md), at the origin the page was served from: whether there is one
/// (<c>GET /health</c>), a question (<c>POST /ask</c>), a rating of its answer (<c>POST /feedback</c>) and the swarm's stats
/// (<c>GET /stats</c>), each with the user's
/// API key in <c>X-Api-Key</c>. A refusal throws <see cref="ServerProblemException"/> with the server's problem details.
/// </summary>
public sealed class ServerSwarmClient(HttpClient http)
{
    /// <summary>
    /// True when the page's origin is the team server: <c>/health</c> answers its JSON (200 while the swarm answers, 503
    /// while it starts). A static host answers 404 or the page itself; an unreachable one throws, which counts as none.
    /// </summary>
    public async Task<bool> IsServedByServerAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("health", UriKind.Relative), cancellationToken).ConfigureAwait(true);
            if (response.Content.Headers.ContentType?.MediaType != "application/json") return false;
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(true));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("status", out _);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Asks the server's swarm <paramref name="question"/>; its whole response.</summary>
    public async Task<QueryResponse> AskAsync(string apiKey, string question, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        using var request = Request(HttpMethod.Post, "ask", apiKey);
        request.Content = JsonBody(writer => writer.WriteString("text", question));
        using var document = await SendAsync(request, cancellationToken).ConfigureAwait(true);
        return ServerResponseJson.Response(document.RootElement, question);
    }

    /// <summary>
    /// Rates the answer <paramref name="responseId"/> (role trainer): the server's agent learns from it, and the rating
    /// is recorded against the key's user.
    /// </summary>
    public async Task<ServerFeedback> FeedbackAsync(string apiKey, string responseId, bool helpful, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(responseId);
        using var request = Request(HttpMethod.Post, "feedback", apiKey);
        request.Content = JsonBody(writer =>
        {
            writer.WriteString("responseId", responseId);
            writer.WriteBoolean("success", helpful);
        });
        using var document = await SendAsync(request, cancellationToken).ConfigureAwait(true);
        var root = document.RootElement;
        return new ServerFeedback(
            root.TryGetProperty("ratedBy", out var ratedBy) ? ratedBy.GetString() ?? "" : "",
            root.TryGetProperty("durable", out var durable) && durable.ValueKind == JsonValueKind.True,
            root.TryGetProperty("replaced", out var replaced) && replaced.ValueKind == JsonValueKind.True);
    }

    /// <summary>The server's stats (role operator).</summary>
    public async Task<ServerStats> StatsAsync(string apiKey, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Get, "stats", apiKey);
        using var document = await SendAsync(request, cancellationToken).ConfigureAwait(true);
        return ServerResponseJson.Stats(document.RootElement);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Api-Key", apiKey);
        return request;
    }

    private async Task<JsonDocument> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(true);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(true);
        if (response.IsSuccessStatusCode) return JsonDocument.Parse(body);
        var status = (int)response.StatusCode;
        var problem = ServerResponseJson.Problem(body);
        throw new ServerProblemException(status, problem?.Title ?? response.ReasonPhrase ?? "Request failed", problem?.Detail);
    }

    // A one-object JSON body: the properties come from `write`.
    private static ByteArrayContent JsonBody(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
