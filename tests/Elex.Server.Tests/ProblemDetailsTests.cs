namespace Elex.Server.Tests;

/// <summary>Every client error comes back as an RFC 7807 problem that says what was wrong.</summary>
public sealed class ProblemDetailsTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static readonly Credentials Trainer = Credentials.ApiKey(ServerFactory.TrainerKey);

    [Theory]
    [InlineData("/ask", """{"text": """)]
    [InlineData("/ask", "[1, 2, 3]")]
    [InlineData("/ask", """{"text": "what is MSM?", "type": "NoSuchType"}""")]
    [InlineData("/ask/stream", "{")]
    [InlineData("/feedback", """{"agentId": "FAJ 121 3094", "reward": "lots"}""")]
    public async Task MalformedJson_IsBadRequest(string path, string body)
    {
        using var client = server.CreateClient();
        using var response = await client.SendAsync(ServerRequests.Json(HttpMethod.Post, path, body, Trainer));

        var problem = await response.AssertProblemAsync(400);
        Assert.Equal("Malformed request", problem.GetProperty("title").GetString());
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{}""", "'text' is required")]
    [InlineData("""{"text": "   "}""", "'text' is required")]
    public async Task Ask_WithoutText_IsBadRequest(string body, string detail)
    {
        using var client = server.CreateClient();
        using var response = await client.SendAsync(ServerRequests.Json(HttpMethod.Post, "/ask", body, Trainer));

        var problem = await response.AssertProblemAsync(400);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_NotJson_IsUnsupportedMediaType()
    {
        using var client = server.CreateClient();
        var request = ServerRequests.Json(HttpMethod.Post, "/ask", "what is MSM?", Trainer);
        request.Content!.Headers.ContentType = new("text/plain");
        using var response = await client.SendAsync(request);

        await response.AssertProblemAsync(415);
    }

    [Theory]
    [InlineData("/ask")]
    [InlineData("/feedback")]
    public async Task OversizedBody_IsPayloadTooLarge(string path)
    {
        using var client = server.CreateClient();
        var body = $$"""{"text": "{{new string('a', 20_000)}}"}""";     // the default cap is 16 KiB
        using var response = await client.SendAsync(ServerRequests.Json(HttpMethod.Post, path, body, Trainer));

        var problem = await response.AssertProblemAsync(413);
        Assert.Contains("at most 16384", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedBody_WithoutCredentials_IsRefusedBeforeAuthentication()
    {
        using var client = server.CreateClient();
        var body = $$"""{"text": "{{new string('a', 20_000)}}"}""";
        using var response = await client.SendAsync(ServerRequests.Json(HttpMethod.Post, "/ask", body, Credentials.None));

        await response.AssertProblemAsync(413);
    }

    [Fact]
    public async Task Feedback_UnknownAgent_IsNotFound()
    {
        using var client = server.CreateClient();
        using var response = await client.SendAsync(ServerRequests.Json(HttpMethod.Post, "/feedback", """{"agentId": "agent-no-such-feature", "reward": 1}""", Trainer));

        var problem = await response.AssertProblemAsync(404);
        Assert.Equal("Unknown agent", problem.GetProperty("title").GetString());
        Assert.Contains("agent-no-such-feature", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_UnknownResponse_IsNotFound()
    {
        using var client = server.CreateClient();
        using var response = await client.SendAsync(ServerRequests.Json(HttpMethod.Post, "/feedback", """{"responseId": "r-never-given", "reward": 1}""", Trainer));

        var problem = await response.AssertProblemAsync(404);
        Assert.Equal("Unknown response", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("""{"agentId": "FAJ 121 3094"}""", "Give 'reward'")]
    [InlineData("""{"agentId": "FAJ 121 3094", "reward": 3}""", "reward")]
    [InlineData("""{"reward": 1}""", "")]
    public async Task Feedback_BadRating_IsBadRequest(string body, string detail)
    {
        using var client = server.CreateClient();
        using var response = await client.SendAsync(ServerRequests.Json(HttpMethod.Post, "/feedback", body, Trainer));

        var problem = await response.AssertProblemAsync(400);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Problem_CarriesTheTraceId()
    {
        using var client = server.CreateClient();
        using var response = await client.SendAsync(ServerRequests.Json(HttpMethod.Post, "/ask", "{", Trainer));

        var problem = await response.AssertProblemAsync(400);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }
}
