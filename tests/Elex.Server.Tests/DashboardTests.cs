namespace Elex.Server.Tests;

/// <summary>The dashboard served by the server: its files open to anyone, the API behind them as closed as before.</summary>
public sealed class DashboardTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Root_WithoutCredentials_IsTheDashboardPage()
    {
        using var client = server.CreateClient();
        using var response = await client.SendAsync(ServerRequests.Get("/", Credentials.None));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"dashboard\">", page, StringComparison.Ordinal);
        Assert.Contains("_framework/blazor.webassembly", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppFiles_WithoutCredentials_AreServed()
    {
        using var client = server.CreateClient();
        using var style = await client.SendAsync(ServerRequests.Get("/css/dashboard.css", Credentials.None));
        using var manifest = await client.SendAsync(ServerRequests.Get("/manifest.webmanifest", Credentials.None));

        Assert.Equal(200, (int)style.StatusCode);
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
        Assert.Contains("#status", await style.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(200, (int)manifest.StatusCode);
    }

    [Fact]
    public async Task Api_WhileTheDashboardIsServed_StillNeedsCredentials()
    {
        using var client = server.CreateClient();
        using var page = await client.SendAsync(ServerRequests.Get("/", Credentials.None));
        using var stats = await client.SendAsync(ServerRequests.Get("/stats", Credentials.None));

        Assert.Equal(200, (int)page.StatusCode);
        await stats.AssertProblemAsync(401);
        Assert.NotEmpty(stats.Headers.WwwAuthenticate);
    }
}
