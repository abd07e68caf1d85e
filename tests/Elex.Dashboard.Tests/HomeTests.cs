using Elex.Browser.Model;
using Elex.Core.Routing;
using Elex.Dashboard.Pages;
using Elex.Dashboard.Services;
using Elex.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Elex.Dashboard.Tests;

/// <summary>The whole page over a real swarm; the store is in memory instead of IndexedDB.</summary>
public sealed class HomeTests : BunitContext, IAsyncLifetime
{
    private const string MsmQuestion = "which counters show MSM is working?";
    private const string MsmRow = "#agent-row-agent-FAJ_121_3094";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly MemoryAgentStore _store = new();
    // A static host: no /health, so the page runs its own swarm.
    private readonly FakeServer _host = new();
    private readonly List<DashboardSwarm> _dashboards = [];

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var dashboard in _dashboards) await dashboard.DisposeAsync();
    }

    private DashboardSwarm Dashboard(Func<Task<IAgentStore>> openStore, Func<FeatureRouter, ISentenceModelLoader>? modelLoader = null)
    {
        var dashboard = new DashboardSwarm(openStore, modelLoader);
        _dashboards.Add(dashboard);
        return dashboard;
    }

    private IRenderedComponent<Home> RenderHome(Func<Task<IAgentStore>>? openStore = null, Func<FeatureRouter, ISentenceModelLoader>? modelLoader = null)
    {
        Services.AddSingleton(Dashboard(openStore ?? (() => Task.FromResult<IAgentStore>(_store)), modelLoader));
        Services.AddSingleton(new ServerSwarmClient(_host.Client()));
        var cut = Render<Home>();
        cut.WaitForAssertion(() => Assert.NotEqual("starting", cut.Find("#status").GetAttribute("data-state")), Timeout);
        return cut;
    }

    private static void Ask(IRenderedComponent<Home> cut, string question)
    {
        cut.Find("#ask-input").Input(question);
        cut.Find(".ask form").Submit();
        cut.WaitForElement("#answer", Timeout);
    }

    [Fact]
    public void Starts_ready_with_every_panel_and_no_agent_yet()
    {
        var cut = RenderHome();

        Assert.Equal("ready", cut.Find("#status").GetAttribute("data-state"));
        Assert.Equal("Ready", cut.Find("#status").TextContent);
        Assert.NotNull(cut.Find("#ask-input"));
        Assert.NotNull(cut.Find("#latency-chart"));
        Assert.Equal("Healthy", cut.Find("#persist-status").TextContent);
        Assert.Equal("never", cut.Find("#persist-last").TextContent);
        Assert.Equal("Not connected (no relay configured)", cut.Find("#sync-status").TextContent);
        Assert.StartsWith("ed25519-pub:", cut.Find("#sync .identity").GetAttribute("title"), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#agents tbody tr"));
    }

    [Fact]
    public void A_question_and_its_feedback_reach_the_agent_table_persistence_and_latency()
    {
        var cut = RenderHome();

        Ask(cut, MsmQuestion);

        Assert.Equal("FAJ 121 3094", cut.Find("#agent").TextContent);
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find(MsmRow).GetAttribute("data-interactions")), Timeout);
        Assert.Equal("0", cut.Find(MsmRow).GetAttribute("data-q-entries"));
        var epsilon = cut.Find($"{MsmRow} .epsilon").TextContent;

        cut.Find("#feedback-up").Click();

        cut.WaitForAssertion(() => Assert.Equal("Learned and saved", cut.Find("#feedback-status").TextContent), Timeout);
        // Learning is no agent-state change: the page re-reads the agent after feedback.
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find(MsmRow).GetAttribute("data-q-entries")), Timeout);
        Assert.NotEqual(epsilon, cut.Find($"{MsmRow} .epsilon").TextContent);
        // "Saved" means in the store, and the panel says so.
        Assert.Contains(_store.AgentStates, s => s.AgentId == "agent-FAJ_121_3094");
        cut.WaitForAssertion(() =>
        {
            Assert.NotEqual("0", cut.Find("#persistence").GetAttribute("data-writes"));
            Assert.NotEqual("never", cut.Find("#persist-last").TextContent);
        }, Timeout);
        // The sliding window has counted the query by its next refresh.
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("#latency-count").TextContent), Timeout);
        Assert.NotEqual("0.000 ms", cut.Find("#p95").TextContent);
        // The answer's confidence is counted in the distribution, in the band the answer view shows.
        cut.WaitForAssertion(() => Assert.Equal("last 1 answers", cut.Find("#confidence h2 small").TextContent), Timeout);
        Assert.Single(cut.FindAll("#confidence rect.bucket"), r => r.GetAttribute("data-count") == "1");
    }

    [Fact]
    public async Task The_model_control_loads_into_the_dashboards_own_swarm_and_a_failed_load_leaves_it_answering()
    {
        FeatureRouter? given = null;
        var asset = new UnreachableModelAsset();
        var cut = RenderHome(modelLoader: router => new SentenceModelLoader(given = router, asset, asset));
        var swarm = await cut.Services.GetRequiredService<DashboardSwarm>().StartAsync();
        Assert.Same(swarm.Router, given);
        Assert.True(swarm.Config.AsyncModel, "the Route stage takes a model that arrives later");
        Assert.Equal("none", cut.Find("#model-status").GetAttribute("data-state"));
        Assert.Equal(DashboardSwarm.DefaultModelUrl, cut.Find("#model-url").GetAttribute("value"));

        cut.Find("#model form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("failed", cut.Find("#model-status").GetAttribute("data-state")), Timeout);
        Assert.StartsWith("failed: model/manifest.json could not be fetched: HTTP 404 Not Found", cut.Find("#model-status").TextContent, StringComparison.Ordinal);
        Assert.Null(swarm.Router.Semantic);
        Ask(cut, MsmQuestion);
        Assert.Equal("FAJ 121 3094", cut.Find("#agent").TextContent);
    }

    [Fact]
    public void Without_a_model_loader_the_page_has_no_model_control()
    {
        var cut = RenderHome();

        Assert.Empty(cut.FindAll("#model"));
    }

    [Fact]
    public async Task Agents_with_a_history_in_the_store_are_listed_at_start()
    {
        // An earlier session learned something and saved it.
        var earlier = await Dashboard(() => Task.FromResult<IAgentStore>(_store)).StartAsync();
        var response = await earlier.QueryAsync(MsmQuestion);
        Assert.True((await earlier.FeedbackAsync(Core.Learning.Feedback.ForResponse(response.ResponseId, 1, true))).Applied);
        await earlier.DisposeAsync();

        var cut = RenderHome();

        var row = cut.Find(MsmRow);
        Assert.Equal("1", row.GetAttribute("data-interactions"));
        Assert.Equal("1", row.GetAttribute("data-q-entries"));
        Assert.Single(cut.FindAll("#agents tbody tr"));
    }

    [Fact]
    public void A_store_that_cannot_open_is_reported_and_nothing_else_shows()
    {
        var cut = RenderHome(() => throw new StoreException("IndexedDB is unavailable"));

        Assert.Equal("failed", cut.Find("#status").GetAttribute("data-state"));
        Assert.Equal("The swarm could not start: IndexedDB is unavailable", cut.Find("#status").TextContent);
        Assert.Empty(cut.FindAll("main"));
    }

    [Fact]
    public void A_failing_store_shows_on_the_persistence_panel_until_it_recovers()
    {
        var cut = RenderHome();
        _store.Fault = "disk I/O error";

        Ask(cut, MsmQuestion);

        cut.WaitForAssertion(() => Assert.Equal("Failing: disk I/O error", cut.Find("#persist-status").TextContent), Timeout);
        Assert.Equal("1", cut.Find("#persist-pending").TextContent);
        Assert.EndsWith(" s", cut.Find("#persist-retry").TextContent, StringComparison.Ordinal);
        Assert.Equal("never", cut.Find("#persist-last").TextContent);

        _store.Fault = null;

        cut.WaitForAssertion(() => Assert.Equal("Healthy", cut.Find("#persist-status").TextContent), Timeout);
        Assert.Equal("0", cut.Find("#persist-pending").TextContent);
        Assert.Empty(cut.FindAll("#persist-retry"));
        Assert.NotEqual("never", cut.Find("#persist-last").TextContent);
        Assert.Contains(_store.AgentStates, s => s.AgentId == "agent-FAJ_121_3094");
    }
}
