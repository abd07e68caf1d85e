using System.Reactive.Linq;
using System.Reactive.Subjects;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Dashboard.Components;
using Elex.Streams;

namespace Elex.Dashboard.Tests;

public sealed class AskPanelTests : BunitContext, IAsyncLifetime
{
    private const string MsmQuestion = "which counters show MSM is working?";
    private const string MimoSleepMode = "FAJ 121 3094";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly List<QueryResponse> _responses = [];
    private ElexSwarm _swarm = null!;
    private IDisposable _subscription = null!;

    public async Task InitializeAsync()
    {
        _swarm = await ElexSwarm.CreateAsync(SampleCatalog.Load(), new SwarmConfig());
        _subscription = _swarm.Responses.Subscribe(r =>
        {
            lock (_responses) _responses.Add(r);
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        _subscription.Dispose();
        await _swarm.DisposeAsync();
    }

    private IRenderedComponent<AskPanel> RenderPanel() => Render<AskPanel>(p => p.Add(c => c.Swarm, _swarm));

    private static void Ask(IRenderedComponent<AskPanel> cut, string question, string expectedAgent)
    {
        cut.Find("#ask-input").Input(question);
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Equal(expectedAgent, cut.Find("#agent").TextContent), Timeout);
    }

    [Fact]
    public void A_question_by_feature_name_is_answered_by_that_features_agent()
    {
        var cut = RenderPanel();

        cut.Find("#ask-input").Input("What does TTI Bundling do?");
        Assert.False(cut.Find("#ask-button").HasAttribute("disabled"));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("FAJ 121 2051", cut.Find("#agent").TextContent), Timeout);
        Assert.Equal("TTI Bundling", cut.Find(".feature-name").TextContent);
        Assert.Matches(@"\S", cut.Find("#answer-text").TextContent);
        Assert.Equal(1, _swarm.QueryCount);
        var response = Assert.Single(Responses());
        Assert.Equal(response.ResponseId, cut.Find("#answer").GetAttribute("data-response-id"));
        Assert.Equal(response.Text, cut.Find("#answer-text").TextContent);
        // The answer comes with the feedback buttons, ready to use.
        Assert.False(cut.Find("#feedback-up").HasAttribute("disabled"));
        Assert.False(cut.Find("#feedback-down").HasAttribute("disabled"));
        Assert.Equal("", cut.Find("#feedback-status").TextContent);
    }

    [Fact]
    public void The_answer_shows_the_swarms_evidence_and_validated_commands()
    {
        var cut = RenderPanel();

        cut.Find("#ask-input").Input(MsmQuestion);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(MimoSleepMode, cut.Find("#agent").TextContent), Timeout);
        var response = Assert.Single(Responses());
        Assert.Equal(response.Evidence, cut.FindAll("#evidence li").Select(li => li.TextContent));
        Assert.Equal(response.Commands.Select(c => (c.Command, c.Safety.ToString())),
            cut.FindAll("#commands li").Select(li => (li.QuerySelector("code")!.TextContent, li.GetAttribute("data-safety")!)));
        Assert.DoesNotContain(cut.FindAll("#commands li"), li => li.GetAttribute("data-safety") == nameof(SafetyStatus.PendingValidation));
    }

    [Fact]
    public void Helpful_teaches_the_agent_that_answered()
    {
        var cut = RenderPanel();
        Ask(cut, MsmQuestion, MimoSleepMode);
        var before = _swarm.GetAgentStats(MimoSleepMode)!;
        Assert.Equal(1, before.Interactions);
        Assert.Equal(0, before.QTableEntries);
        Assert.Equal(0, before.TrajectoryCount);

        cut.Find("#feedback-up").Click();

        cut.WaitForAssertion(() => Assert.Equal("Learned and saved", cut.Find("#feedback-status").TextContent), Timeout);
        var after = _swarm.GetAgentStats(MimoSleepMode)!;
        Assert.Equal(1, after.QTableEntries);
        Assert.Equal(1, after.TrajectoryCount);
        Assert.True(after.Epsilon < before.Epsilon, $"ε decays with learning ({before.Epsilon} -> {after.Epsilon})");
        var response = Assert.Single(Responses());
        Assert.True(QValue(response) > 0, "a helpful answer raises the value of the strategy it used");
        // One verdict per answer.
        Assert.True(cut.Find("#feedback-up").HasAttribute("disabled"));
        Assert.True(cut.Find("#feedback-down").HasAttribute("disabled"));
    }

    [Fact]
    public void Not_helpful_teaches_the_agent_the_other_way()
    {
        var cut = RenderPanel();
        Ask(cut, MsmQuestion, MimoSleepMode);
        var before = _swarm.GetAgentStats(MimoSleepMode)!;

        cut.Find("#feedback-down").Click();

        cut.WaitForAssertion(() => Assert.Equal("Learned and saved", cut.Find("#feedback-status").TextContent), Timeout);
        var after = _swarm.GetAgentStats(MimoSleepMode)!;
        Assert.Equal(1, after.QTableEntries);
        Assert.True(after.Epsilon < before.Epsilon);
        Assert.True(QValue(Assert.Single(Responses())) < 0, "an unhelpful answer lowers the value of the strategy it used");
    }

    [Fact]
    public void A_new_answer_can_be_rated_again()
    {
        var cut = RenderPanel();
        Ask(cut, MsmQuestion, MimoSleepMode);
        cut.Find("#feedback-up").Click();
        cut.WaitForAssertion(() => Assert.True(cut.Find("#feedback-up").HasAttribute("disabled")), Timeout);

        Ask(cut, "What does TTI Bundling do?", "FAJ 121 2051");

        Assert.False(cut.Find("#feedback-up").HasAttribute("disabled"));
        Assert.Equal("", cut.Find("#feedback-status").TextContent);
        cut.Find("#feedback-up").Click();
        cut.WaitForAssertion(() => Assert.Equal("Learned and saved", cut.Find("#feedback-status").TextContent), Timeout);
        Assert.Equal(1, _swarm.GetAgentStats("FAJ 121 2051")!.QTableEntries);
    }

    [Fact]
    public void An_empty_question_is_not_sent()
    {
        var cut = RenderPanel();
        Assert.True(cut.Find("#ask-button").HasAttribute("disabled"));

        cut.Find("#ask-input").Input("   ");
        Assert.True(cut.Find("#ask-button").HasAttribute("disabled"));
        cut.Find("form").Submit();

        Assert.Equal(0, _swarm.QueryCount);
        Assert.Empty(cut.FindAll("#answer"));
        Assert.Empty(cut.FindAll("#ask-error"));
    }

    [Fact]
    public async Task A_failing_swarm_shows_the_error_instead_of_an_answer()
    {
        var cut = RenderPanel();
        await _swarm.DisposeAsync();

        cut.Find("#ask-input").Input(MsmQuestion);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains(nameof(ElexSwarm), cut.Find("#ask-error").TextContent, StringComparison.Ordinal), Timeout);
        Assert.Empty(cut.FindAll("#answer"));
        Assert.False(cut.Find("#ask-button").HasAttribute("disabled"), "the panel is usable again");
    }

    [Fact]
    public void The_answer_is_shown_as_it_arrives_routing_line_first_then_each_section()
    {
        // The swarm's real parts for the question, handed to the panel one at a time.
        var real = _swarm.QueryStream(new Query(MsmQuestion)).ToList().Wait();
        var sections = real.Where(p => p.Kind == AnswerPartKind.Section).ToList();
        Assert.True(sections.Count >= 2, $"only {sections.Count} sections");
        var parts = new Subject<AnswerPart>();
        var cut = Render<AskPanel>(p => p.Add(c => c.Swarm, _swarm).Add(c => c.Ask, _ => parts));
        cut.Find("#ask-input").Input(MsmQuestion);
        cut.Find("form").Submit();
        Assert.Empty(cut.FindAll("#answer-progress"));

        parts.OnNext(real[0]);
        cut.WaitForAssertion(() => Assert.Equal(MimoSleepMode, cut.Find("#routing-agent").TextContent), Timeout);
        Assert.Empty(cut.FindAll(".answer-section"));
        Assert.Empty(cut.FindAll("#answer"));
        Assert.Contains("agent-FAJ_121_3094", cut.Find("#routing-state").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("#ask-button").HasAttribute("disabled"), "still answering");

        parts.OnNext(sections[0]);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".answer-section")), Timeout);
        Assert.Equal(sections[0].Section!.Text, cut.Find(".answer-section").TextContent);
        parts.OnNext(sections[1]);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".answer-section").Count), Timeout);

        foreach (var rest in real.Skip(real.IndexOf(sections[1]) + 1)) parts.OnNext(rest);
        parts.OnCompleted();
        var done = real[^1].Response!;
        cut.WaitForAssertion(() => Assert.Equal(done.ResponseId, cut.Find("#answer").GetAttribute("data-response-id")), Timeout);
        Assert.Empty(cut.FindAll("#answer-progress"));
        Assert.Equal(done.Text, cut.Find("#answer-text").TextContent);
        // The Done part renders before the stream's completion frees the button (one render later).
        cut.WaitForAssertion(() => Assert.False(cut.Find("#ask-button").HasAttribute("disabled")), Timeout);
    }

    [Fact]
    public void A_question_that_fails_on_the_way_shows_its_error_response()
    {
        var cut = RenderPanel();

        cut.Find("#ask-input").Input(new string('x', Query.MaxLength + 1));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(nameof(ResponseStatus.Error), cut.Find("#answer").GetAttribute("data-status")), Timeout);
        Assert.Empty(cut.FindAll("#answer-progress"));
        Assert.Contains("classify", cut.Find("#answer-text").TextContent, StringComparison.Ordinal);
    }

    private List<QueryResponse> Responses()
    {
        lock (_responses) return [.. _responses];
    }

    private float QValue(QueryResponse response) =>
        _swarm.Registry.LearnerFor(FeatureCode.Parse(response.FeatureCode!))!.ActingValue(response.LearningState!.Value, response.Strategy);
}
