using System.Net;
using Elex.Dashboard.Components;
using Elex.Dashboard.Pages;
using Elex.Dashboard.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Elex.Dashboard.Tests;

/// <summary>The switch between the in-page swarm and the team server's, decided by the page's origin.</summary>
public sealed class HomeServerModeTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly MemoryAgentStore _store = new();
    private DashboardSwarm? _dashboard;

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_dashboard is not null) await _dashboard.DisposeAsync();
    }

    private IRenderedComponent<Home> RenderHome(FakeServer origin)
    {
        JSInterop.Setup<string?>("sessionStorage.getItem", ServerPanel.KeyStorageName).SetResult(null);
        _dashboard = new DashboardSwarm(() => Task.FromResult<Elex.Storage.IAgentStore>(_store));
        Services.AddSingleton(_dashboard);
        Services.AddSingleton(new ServerSwarmClient(origin.Client()));
        var cut = Render<Home>();
        cut.WaitForAssertion(() => Assert.NotEqual("starting", cut.Find("#status").GetAttribute("data-state")), Timeout);
        return cut;
    }

    [Fact]
    public void Served_by_the_server_the_page_uses_its_swarm_and_offers_the_in_page_one()
    {
        var cut = RenderHome(new FakeServer().Healthy());

        Assert.Equal("server", cut.Find("#status").GetAttribute("data-state"));
        Assert.Equal("on the team server", cut.Find("#mode").TextContent);
        Assert.NotNull(cut.Find("#api-key"));
        Assert.Empty(cut.FindAll("#ask-input"));
        Assert.Equal("Use the in-page swarm", cut.Find("#mode-toggle").TextContent);
    }

    [Fact]
    public void The_switch_starts_the_in_page_swarm_and_goes_back_to_the_server()
    {
        var cut = RenderHome(new FakeServer().Healthy());

        cut.Find("#mode-toggle").Click();
        cut.WaitForAssertion(() => Assert.Equal("ready", cut.Find("#status").GetAttribute("data-state")), Timeout);
        Assert.NotNull(cut.Find("#ask-input"));
        Assert.Empty(cut.FindAll("#api-key"));

        cut.Find("#mode-toggle").Click();
        Assert.Equal("server", cut.Find("#status").GetAttribute("data-state"));
        Assert.NotNull(cut.Find("#api-key"));
    }

    [Fact]
    public void Not_served_by_a_server_the_in_page_swarm_is_the_only_one()
    {
        var cut = RenderHome(new FakeServer().Answer("GET /health", HttpStatusCode.OK, "<!DOCTYPE html>", "text/html"));

        Assert.Equal("ready", cut.Find("#status").GetAttribute("data-state"));
        Assert.Equal("in your browser", cut.Find("#mode").TextContent);
        Assert.Empty(cut.FindAll("#mode-toggle"));
        Assert.Empty(cut.FindAll("#api-key"));
    }
}
