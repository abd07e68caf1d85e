using System.Text.Json;
using Elex.Server.Auth;

namespace Elex.Server.Tests;

/// <summary>A rating is attributed to the authenticated user, whatever the request body claims.</summary>
public sealed class FeedbackAttributionTests
{
    [Fact]
    public async Task Feedback_IsAttributedToTheAuthenticatedUser_NotToANameInTheBody()
    {
        await using var server = new ServerFactory();
        using var client = server.CreateClient();
        var responseId = await AskAsync(client, "what is MSM?");
        var otherId = await AskAsync(client, "Which counters show MSM is working?");

        var body = JsonSerializer.Serialize(new { responseId, reward = 1, user = "mallory", ratedBy = "mallory" });
        using var rated = await client.SendAsync(ServerRequests.Json(HttpMethod.Post, "/feedback", body, Credentials.ApiKey(ServerFactory.TrainerKey)));
        using var ratedWithToken = await client.SendAsync(ServerRequests.Json(HttpMethod.Post, "/feedback",
            JsonSerializer.Serialize(new { responseId = otherId, success = false }), Credentials.Token(server, "alice", Roles.Trainer)));

        Assert.Equal(200, (int)rated.StatusCode);
        var applied = await rated.ReadJsonAsync();
        Assert.Equal("Applied", applied.GetProperty("feedback").GetString());
        Assert.Equal(ServerFactory.Trainer, applied.GetProperty("ratedBy").GetString());
        Assert.Equal(responseId, applied.GetProperty("responseId").GetString());
        Assert.Equal("alice", (await ratedWithToken.ReadJsonAsync()).GetProperty("ratedBy").GetString());

        using var statsResponse = await client.SendAsync(ServerRequests.Get("/stats", Credentials.ApiKey(ServerFactory.OperatorKey)));
        var stats = await statsResponse.ReadJsonAsync();
        var byUser = stats.GetProperty("feedbackByUser");
        Assert.Equal(1, byUser.GetProperty(ServerFactory.Trainer).GetProperty("applied").GetInt64());
        Assert.Equal(1, byUser.GetProperty("alice").GetProperty("given").GetInt64());
        Assert.False(byUser.TryGetProperty("mallory", out _));
        var recent = stats.GetProperty("recentFeedback").EnumerateArray().Select(r => (r.GetProperty("user").GetString(), r.GetProperty("responseId").GetString())).ToList();
        Assert.Equal([(ServerFactory.Trainer, responseId), ("alice", otherId)], recent);
    }

    private static async Task<string> AskAsync(HttpClient client, string text)
    {
        using var response = await client.AskAsync(text, Credentials.ApiKey(ServerFactory.AskerKey));
        return (await response.ReadJsonAsync()).GetProperty("responseId").GetString()!;
    }
}
