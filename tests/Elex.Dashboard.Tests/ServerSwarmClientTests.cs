using System.Net;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Dashboard.Services;

namespace Elex.Dashboard.Tests;

public sealed class ServerSwarmClientTests
{
    [Fact]
    public async Task Ask_sends_the_question_with_the_key_and_reads_the_whole_response()
    {
        var server = new FakeServer().Answer("POST /ask", HttpStatusCode.OK, ServerJson.Answer);
        using var http = server.Client();

        var response = await new ServerSwarmClient(http).AskAsync("key-1", "how do I activate \"MSM\"?");

        Assert.Equal(("POST /ask", "key-1", """{"text":"how do I activate \u0022MSM\u0022?"}"""), server.Requests.Single());
        Assert.Equal("r-abc-1", response.ResponseId);
        Assert.Equal(ResponseStatus.Answered, response.Status);
        Assert.Equal("FAJ 121 3094", response.FeatureCode);
        Assert.Equal("MIMO Sleep Mode", response.FeatureName);
        Assert.Equal(0.9123f, response.Confidence);
        Assert.Equal(QueryType.Procedure, response.QueryType);
        Assert.Equal(Complexity.Moderate, response.Complexity);
        Assert.Equal(2345.6, response.LatencyUs);
        Assert.Equal("Set sleepMode on the cell.", response.Text);
        Assert.Equal(["feature FAJ 121 3094 MIMO Sleep Mode"], response.Evidence);
        var command = Assert.Single(response.Commands);
        Assert.Equal(("cmedit set * MimoSleepFunction.sleepMode=1", CommandKind.ActivateFeature, SafetyStatus.NeedsApproval, "changes a live network"),
            (command.Command, command.Kind, command.Safety, command.SafetyReason));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "Unauthorized", "No credentials.")]
    [InlineData(HttpStatusCode.Forbidden, "Forbidden", "Role operator is needed.")]
    [InlineData(HttpStatusCode.TooManyRequests, "Too many requests", "Try again in 60 s.")]
    public async Task A_refusal_throws_with_the_problem_details(HttpStatusCode status, string title, string detail)
    {
        using var http = new FakeServer().Problem("GET /stats", status, title, detail).Client();

        var problem = await Assert.ThrowsAsync<ServerProblemException>(() => new ServerSwarmClient(http).StatsAsync("key-1"));

        Assert.Equal(((int)status, title, detail), (problem.Status, problem.Title, problem.Detail));
        Assert.Equal($"{(int)status} {title}: {detail}", problem.Message);
    }

    [Fact]
    public async Task A_refusal_without_a_problem_body_says_the_status()
    {
        using var http = new FakeServer().Answer("POST /ask", HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html").Client();

        var problem = await Assert.ThrowsAsync<ServerProblemException>(() => new ServerSwarmClient(http).AskAsync("key-1", "what is MSM?"));

        Assert.Equal("502 Bad Gateway", problem.Message);
    }

    [Fact]
    public async Task Stats_reads_agents_queries_and_percentiles()
    {
        using var http = new FakeServer().Answer("GET /stats", HttpStatusCode.OK, ServerJson.Stats).Client();

        var stats = await new ServerSwarmClient(http).StatsAsync("key-1");

        Assert.Equal(new ServerStats(593, 12, 1234, 0.8914, 720, 3470, 8070, 3), stats);
    }

    [Fact]
    public async Task Served_by_a_server_when_health_answers_its_json_only()
    {
        using var server = new FakeServer().Healthy().Client();
        using var starting = new FakeServer().Answer("GET /health", HttpStatusCode.ServiceUnavailable, """{"status":"unavailable"}""").Client();
        using var staticHost = new FakeServer().Client();
        using var devServer = new FakeServer().Answer("GET /health", HttpStatusCode.OK, "<!DOCTYPE html><html></html>", "text/html").Client();

        Assert.True(await new ServerSwarmClient(server).IsServedByServerAsync());
        Assert.True(await new ServerSwarmClient(starting).IsServedByServerAsync());
        Assert.False(await new ServerSwarmClient(staticHost).IsServedByServerAsync());
        Assert.False(await new ServerSwarmClient(devServer).IsServedByServerAsync());
    }
}
