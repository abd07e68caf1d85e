using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Elex.Server.Tests;

/// <summary>Requests as a client sends them.</summary>
public static class ServerRequests
{
    public static HttpRequestMessage Json(HttpMethod method, string path, string json, Credentials credentials)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        credentials.Apply(request);
        return request;
    }

    public static HttpRequestMessage Get(string path, Credentials credentials)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        credentials.Apply(request);
        return request;
    }

    public static Task<HttpResponseMessage> AskAsync(this HttpClient client, string text, Credentials credentials) =>
        client.SendAsync(Json(HttpMethod.Post, "/ask", JsonSerializer.Serialize(new { text }), credentials));

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;

    /// <summary>Asserts an RFC 7807 problem with <paramref name="status"/> and returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
