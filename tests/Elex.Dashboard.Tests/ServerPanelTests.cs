using System.Net;
using Elex.Dashboard.Components;
using Elex.Dashboard.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Elex.Dashboard.Tests;

/// <summary>The server mode's panel over a fake server: the key, a question, the stats and the server's refusals.</summary>
public sealed class ServerPanelTests : BunitContext
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly FakeServer _server = new FakeServer().Healthy();

    private IRenderedComponent<ServerPanel> RenderPanel(string? keptKey = null)
    {
        JSInterop.Setup<string?>("sessionStorage.getItem", ServerPanel.KeyStorageName).SetResult(keptKey);
        JSInterop.SetupVoid("sessionStorage.setItem", _ => true).SetVoidResult();
        JSInterop.SetupVoid("sessionStorage.removeItem", _ => true).SetVoidResult();
        Services.AddSingleton(new ServerSwarmClient(_server.Client()));
        return Render<ServerPanel>(p => p.Add(c => c.StatsRefresh, TimeSpan.FromHours(1)));
    }

    private static void EnterKey(IRenderedComponent<ServerPanel> cut, string key)
    {
        cut.Find("#api-key").Input(key);
        cut.Find("#key-form").Submit();
    }

    private static void Ask(IRenderedComponent<ServerPanel> cut, string question)
    {
        cut.Find("#server-ask-input").Input(question);
        cut.Find("#server-ask").Submit();
    }

    [Fact]
    public void Without_a_key_nothing_can_be_asked_and_nothing_is_sent()
    {
        var cut = RenderPanel();

        Assert.True(cut.Find("#server-ask-button").HasAttribute("disabled"));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void An_answer_from_the_server_is_rendered_with_the_answer_view()
    {
        _server.Answer("POST /ask", HttpStatusCode.OK, ServerJson.Answer).Answer("GET /stats", HttpStatusCode.OK, ServerJson.Stats);
        var cut = RenderPanel();

        EnterKey(cut, "asker-key");
        Ask(cut, "how do I activate MSM?");

        cut.WaitForElement("#answer", Timeout);
        Assert.Equal("FAJ 121 3094", cut.Find("#agent").TextContent);
        Assert.Equal("91 %", cut.Find("#confidence").TextContent);
        Assert.Equal("Set sleepMode on the cell.", cut.Find("#answer-text").TextContent);
        Assert.Equal("NeedsApproval", cut.Find("#commands li").GetAttribute("data-safety"));
        Assert.Contains(_server.Requests, r => r is ("POST /ask", "asker-key", _));
        // The key is kept for this tab only.
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "sessionStorage.setItem" && Equals(i.Arguments[1], "asker-key"));
    }

    [Fact]
    public void A_refused_key_shows_the_servers_problem()
    {
        _server.Problem("POST /ask", HttpStatusCode.Unauthorized, "Unauthorized", "The API key is not known.")
            .Problem("GET /stats", HttpStatusCode.Unauthorized, "Unauthorized", "The API key is not known.");
        var cut = RenderPanel();

        EnterKey(cut, "wrong-key");
        Ask(cut, "what is MSM?");

        cut.WaitForAssertion(() => Assert.Equal("401 Unauthorized: The API key is not known.", cut.Find("#server-error").TextContent), Timeout);
        Assert.Equal("401", cut.Find("#server-error").GetAttribute("data-status"));
        Assert.Empty(cut.FindAll("#answer"));
    }

    [Fact]
    public void The_rate_limit_shows_as_a_problem_too()
    {
        _server.Problem("POST /ask", HttpStatusCode.TooManyRequests, "Too many requests", "Try again in 60 s.");
        var cut = RenderPanel("asker-key");

        Ask(cut, "what is MSM?");

        cut.WaitForAssertion(() => Assert.Equal("429 Too many requests: Try again in 60 s.", cut.Find("#server-error").TextContent), Timeout);
    }

    [Fact]
    public void The_stats_render_for_a_kept_operator_key()
    {
        _server.Answer("GET /stats", HttpStatusCode.OK, ServerJson.Stats);
        var cut = RenderPanel("operator-key");

        cut.WaitForAssertion(() => Assert.Equal("593 (12 active)", cut.Find("#stats-agents").TextContent), Timeout);
        Assert.Equal("1234", cut.Find("#stats-queries").TextContent);
        Assert.Equal("89 %", cut.Find("#stats-success").TextContent);
        Assert.Equal("0.72 ms / 3.47 ms / 8.07 ms", cut.Find("#stats-latency").TextContent);
        Assert.Equal("3", cut.Find("#stats-rate-limited").TextContent);
        Assert.Contains(_server.Requests, r => r is ("GET /stats", "operator-key", _));
    }

    [Fact]
    public void Stats_refused_to_a_key_without_the_operator_role_say_why()
    {
        _server.Problem("GET /stats", HttpStatusCode.Forbidden, "Forbidden", "This needs role operator.");
        var cut = RenderPanel("asker-key");

        cut.WaitForAssertion(() => Assert.Equal("403 Forbidden: This needs role operator. (stats need a key with the operator role)",
            cut.Find("#server-stats-error").TextContent), Timeout);
    }

    [Fact]
    public void Rating_an_answer_teaches_the_servers_swarm_as_the_keys_user()
    {
        _server.Answer("POST /ask", HttpStatusCode.OK, ServerJson.Answer)
            .Answer("POST /feedback", HttpStatusCode.OK, """{"feedback":"Applied","ratedBy":"alice","agentId":"agent-FAJ_121_3094","responseId":"r-abc-1","success":true,"replaced":false,"durable":true}""");
        var cut = RenderPanel();
        EnterKey(cut, "trainer-key");
        Ask(cut, "how do I activate MSM?");
        cut.WaitForElement("#server-feedback-up", Timeout);

        cut.Find("#server-feedback-up").Click();

        cut.WaitForAssertion(() => Assert.Equal("Learned and saved — rated by alice", cut.Find("#server-feedback-status").TextContent), Timeout);
        var (_, key, body) = Assert.Single(_server.Requests, r => r.Route == "POST /feedback");
        Assert.Equal("trainer-key", key);
        Assert.Equal("""{"responseId":"r-abc-1","success":true}""", body);
        // One rating per answer from this panel: both buttons are spent.
        Assert.True(cut.Find("#server-feedback-up").HasAttribute("disabled"));
        Assert.True(cut.Find("#server-feedback-down").HasAttribute("disabled"));
    }

    [Fact]
    public void A_key_without_the_trainer_role_hears_why_and_may_try_again()
    {
        _server.Answer("POST /ask", HttpStatusCode.OK, ServerJson.Answer)
            .Problem("POST /feedback", HttpStatusCode.Forbidden, "Forbidden", "This needs role trainer.");
        var cut = RenderPanel();
        EnterKey(cut, "asker-key");
        Ask(cut, "how do I activate MSM?");
        cut.WaitForElement("#server-feedback-down", Timeout);

        cut.Find("#server-feedback-down").Click();

        cut.WaitForAssertion(() => Assert.Equal("403 Forbidden: This needs role trainer. (teaching needs a key with the trainer role)",
            cut.Find("#server-feedback-status").TextContent), Timeout);
        Assert.Equal("403", cut.Find("#server-feedback-status").GetAttribute("data-status"));
        Assert.Contains(_server.Requests, r => r is ("POST /feedback", "asker-key", """{"responseId":"r-abc-1","success":false}"""));
        Assert.False(cut.Find("#server-feedback-up").HasAttribute("disabled"));
    }

    [Fact]
    public void A_new_question_starts_unrated()
    {
        _server.Answer("POST /ask", HttpStatusCode.OK, ServerJson.Answer)
            .Answer("POST /feedback", HttpStatusCode.OK, """{"feedback":"Applied","ratedBy":"alice","replaced":false,"durable":false}""");
        var cut = RenderPanel();
        EnterKey(cut, "trainer-key");
        Ask(cut, "how do I activate MSM?");
        cut.WaitForElement("#server-feedback-up", Timeout).Click();
        cut.WaitForAssertion(() => Assert.Equal("Learned — rated by alice", cut.Find("#server-feedback-status").TextContent), Timeout);

        Ask(cut, "and how do I deactivate it?");

        cut.WaitForAssertion(() => Assert.Equal("", cut.Find("#server-feedback-status").TextContent), Timeout);
        Assert.False(cut.Find("#server-feedback-up").HasAttribute("disabled"));
    }
}
