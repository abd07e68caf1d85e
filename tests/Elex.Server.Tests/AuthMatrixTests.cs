using System.Net;
using Elex.Server.Auth;

namespace Elex.Server.Tests;

/// <summary>Who may use which endpoint: every endpoint with no credentials and with each role's API key and token.</summary>
public sealed class AuthMatrixTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    // "ok" = authorized: the endpoint ran (its own answer may still be a 404 for an agent that has not answered).
    public static TheoryData<string, string, string> Matrix => new()
    {
        { "/health", "none", "ok" }, { "/health", "asker", "ok" },
        { "/ask", "none", "401" }, { "/ask", "asker", "ok" }, { "/ask", "trainer", "ok" }, { "/ask", "operator", "ok" },
        { "/ask/stream", "none", "401" }, { "/ask/stream", "asker", "ok" }, { "/ask/stream", "operator", "ok" },
        { "/feedback", "none", "401" }, { "/feedback", "asker", "403" }, { "/feedback", "operator", "403" }, { "/feedback", "trainer", "ok" },
        { "/feedback", "trainer-token", "ok" }, { "/feedback", "asker-token", "403" },
        { "/stats", "none", "401" }, { "/stats", "asker", "403" }, { "/stats", "trainer", "403" }, { "/stats", "operator", "ok" },
        { "/stats", "operator-token", "ok" }, { "/stats", "trainer-token", "403" },
        { "/stream/responses", "none", "401" }, { "/stream/responses", "asker", "403" }, { "/stream/responses", "trainer", "403" }, { "/stream/responses", "operator", "ok" },
        { "/stream/telemetry", "none", "401" }, { "/stream/telemetry", "asker", "403" }, { "/stream/telemetry", "trainer", "403" }, { "/stream/telemetry", "operator-token", "ok" },
        { "/metrics", "none", "401" }, { "/metrics", "asker", "403" }, { "/metrics", "trainer-token", "403" }, { "/metrics", "operator", "ok" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_Role_IsAllowedOrRefused(string path, string who, string expected)
    {
        using var client = server.CreateClient();
        using var response = await Endpoint.Named(path).SendAsync(client, Who(who));

        switch (expected)
        {
            case "ok":
                Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.True((int)response.StatusCode < 500, $"{path} as {who}: {(int)response.StatusCode}");
                break;
            case "401":
                await response.AssertProblemAsync(401);
                Assert.NotEmpty(response.Headers.WwwAuthenticate);
                break;
            default:
                await response.AssertProblemAsync(403);
                break;
        }
    }

    [Fact]
    public async Task Ask_AsAsker_Answers()
    {
        using var client = server.CreateClient();
        using var response = await client.AskAsync("what is MSM?", Credentials.ApiKey(ServerFactory.AskerKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.ReadJsonAsync();
        Assert.Equal("FAJ 121 3094", answer.GetProperty("featureCode").GetString());
        Assert.Equal("Answered", answer.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnknownRoute_WithoutCredentials_IsUnauthorizedNotNotFound()
    {
        using var client = server.CreateClient();
        using var response = await client.SendAsync(ServerRequests.Get("/admin", Credentials.None));

        await response.AssertProblemAsync(401);
    }

    private Credentials Who(string who) => who switch
    {
        "none" => Credentials.None,
        "asker" => Credentials.ApiKey(ServerFactory.AskerKey),
        "trainer" => Credentials.ApiKey(ServerFactory.TrainerKey),
        "operator" => Credentials.ApiKey(ServerFactory.OperatorKey),
        "asker-token" => Credentials.Token(server, "alice"),
        "trainer-token" => Credentials.Token(server, "alice", Roles.Trainer),
        "operator-token" => Credentials.Token(server, "alice", Roles.Operator),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };
}
