namespace Elex.Server.Tests;

/// <summary>Each client has its own budget of requests per window; over it: 429 with Retry-After, counted.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task OverBudget_IsTooManyRequests_PerClient_AndCounted()
    {
        // A window of an hour: the budget cannot refill while the test runs, whatever the machine's speed.
        await using var server = ServerFactory.With(("Server:RateLimit:PermitsPerWindow", "2"), ("Server:RateLimit:Window", "01:00:00"));
        using var client = server.CreateClient();
        var asker = Credentials.ApiKey(ServerFactory.AskerKey);

        using (var first = await client.AskAsync("what is MSM?", asker)) Assert.Equal(200, (int)first.StatusCode);
        using (var second = await client.AskAsync("what is MSM?", asker)) Assert.Equal(200, (int)second.StatusCode);
        using var third = await client.AskAsync("what is MSM?", asker);

        var problem = await third.AssertProblemAsync(429);
        Assert.Equal("Rate limit reached", problem.GetProperty("title").GetString());
        Assert.True(int.Parse(third.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);

        // Another user has a budget of their own; health is never limited.
        using (var other = await client.AskAsync("what is MSM?", Credentials.ApiKey(ServerFactory.OperatorKey))) Assert.Equal(200, (int)other.StatusCode);
        for (var i = 0; i < 3; i++)
            using (var health = await client.SendAsync(ServerRequests.Get("/health", Credentials.None))) Assert.Equal(200, (int)health.StatusCode);

        using var stats = await client.SendAsync(ServerRequests.Get("/stats", Credentials.ApiKey(ServerFactory.OperatorKey)));
        Assert.Equal(1, (await stats.ReadJsonAsync()).GetProperty("rateLimited").GetInt64());
    }
}
