namespace Elex.Server.Tests;

/// <summary><c>GET /health</c>: open to anyone, says whether the swarm answers.</summary>
public sealed class HealthTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Health_WithoutCredentials_IsOk_WithTheCatalogSize()
    {
        using var client = server.CreateClient();
        using var response = await client.SendAsync(ServerRequests.Get("/health", Credentials.None));

        Assert.Equal(200, (int)response.StatusCode);
        var health = await response.ReadJsonAsync();
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(53, health.GetProperty("features").GetInt32());   // the sample catalog the tests configure
    }
}
