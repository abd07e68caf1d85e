using System.Reactive.Linq;
using Elex.Core.Catalog;
using Elex.Core.Conversations;
using Elex.Core.Responses;
using Elex.Core.Routing;

namespace Elex.Streams.Tests;

/// <summary>
/// Conversations through the whole swarm over the sample catalog: a follow-up that names no feature is
/// answered about the feature in context, a question naming another feature switches the context, and
/// conversations do not see each other's context.
/// </summary>
public sealed class SwarmConversationTests : IAsyncLifetime
{
    private const string Msm = "FAJ 121 3094";
    private const string Iflb = "FAJ 121 3009";
    private const string TtiBundling = "FAJ 121 2051";
    private const string ActivateIt = "and how would I turn it on?";

    private ElexSwarm _swarm = null!;

    public async Task InitializeAsync() => _swarm = await TestCatalog.NewSwarmAsync();

    public async Task DisposeAsync() => await _swarm.DisposeAsync();

    private static ConversationContext About(params string[] codes) => new([.. codes.Select(FeatureCode.Parse)]);

    [Fact]
    public async Task FollowUp_IsAnsweredAboutTheFeatureInContext_AndSaysSo()
    {
        // Alone, the follow-up does not reach MIMO Sleep Mode.
        Assert.NotEqual(Msm, (await _swarm.QueryAsync(ActivateIt)).FeatureCode);

        using var chat = _swarm.CreateSession();
        var first = await chat.QueryAsync("which counters tell me MSM is doing its job?");
        Assert.Equal((ResponseStatus.Answered, Msm, false), (first.Status, first.FeatureCode, first.ResolvedFromContext));
        Assert.Equal([Msm], first.NamedFeatures);
        Assert.Empty(first.ContextFeatures);

        var followUp = await chat.QueryAsync(ActivateIt);
        Assert.Equal((ResponseStatus.Answered, Msm, true), (followUp.Status, followUp.FeatureCode, followUp.ResolvedFromContext));
        Assert.Equal([Msm], followUp.ContextFeatures);
        Assert.Empty(followUp.NamedFeatures);
        Assert.Contains("routed by Conversation 'MIMO Sleep Mode'", followUp.Evidence);
        Assert.Contains(followUp.Commands, c => c.Kind == CommandKind.ActivateFeature);
        Assert.Equal(About(Msm), chat.Context);
    }

    [Fact]
    public async Task QuestionNamingAnotherFeature_SwitchesTheContext_AndLaterFollowUpsFollowIt()
    {
        using var chat = _swarm.CreateSession();
        await chat.QueryAsync("what is MIMO Sleep Mode for?");
        var switched = await chat.QueryAsync("and what does inter-frequency load balancing need before I enable it?");
        Assert.Equal((Iflb, false), (switched.FeatureCode, switched.ResolvedFromContext));
        Assert.Equal(About(Iflb), chat.Context);
        var followUp = await chat.QueryAsync("what about its counters?");
        Assert.Equal((Iflb, true), (followUp.FeatureCode, followUp.ResolvedFromContext));
    }

    [Fact]
    public async Task AComparison_PutsBothInContext_TheFollowUpGoesToTheOneItLeansTowards()
    {
        using var chat = _swarm.CreateSession();
        await chat.QueryAsync("how is MSM different from IFLB?");
        Assert.Equal([Iflb, Msm], chat.Context.Features.Select(f => f.Value).Order());
        var followUp = await chat.QueryAsync("what about the sleep counters?");
        Assert.Equal((Msm, true), (followUp.FeatureCode, followUp.ResolvedFromContext));
        Assert.Equal(Iflb, followUp.Alternatives[0]);
        Assert.Equal(About(Msm, Iflb), chat.Context);
    }

    [Fact]
    public async Task TwoConversations_AreIndependent()
    {
        using var sleep = _swarm.CreateSession();
        using var bundling = _swarm.CreateSession();
        await sleep.QueryAsync("tell me about MIMO Sleep Mode");
        await bundling.QueryAsync("what is TTI bundling good for?");
        var inSleep = await sleep.QueryAsync(ActivateIt);
        var inBundling = await bundling.QueryAsync(ActivateIt);
        Assert.Equal((Msm, true), (inSleep.FeatureCode, inSleep.ResolvedFromContext));
        Assert.Equal((TtiBundling, true), (inBundling.FeatureCode, inBundling.ResolvedFromContext));
        Assert.NotEqual(sleep.Id, bundling.Id);
    }

    [Fact]
    public async Task Reset_ForgetsTheContext()
    {
        using var chat = _swarm.CreateSession();
        await chat.QueryAsync("tell me about MIMO Sleep Mode");
        chat.Reset();
        Assert.True(chat.Context.IsEmpty);
        var afterReset = await chat.QueryAsync(ActivateIt);
        Assert.False(afterReset.ResolvedFromContext);
        Assert.NotEqual(Msm, afterReset.FeatureCode);
    }

    [Fact]
    public async Task QuestionsAskedTogether_AreAnsweredInOrder_EachInTheContextTheEarlierLeft()
    {
        using var chat = _swarm.CreateSession();
        var first = chat.QueryAsync("what is TTI bundling good for?");
        var second = chat.QueryAsync(ActivateIt);
        var third = chat.QueryAsync("and for MSM?");
        var fourth = chat.QueryAsync("what about its counters?");
        var answers = await Task.WhenAll(first, second, third, fourth);
        Assert.Equal([TtiBundling, TtiBundling, Msm, Msm], answers.Select(a => a.FeatureCode));
        Assert.Equal([false, true, false, true], answers.Select(a => a.ResolvedFromContext));
    }

    [Fact]
    public async Task Contexts_StreamsEachChange_AndCompletesWhenTheConversationEnds()
    {
        var chat = _swarm.CreateSession();
        var seen = new List<ConversationContext>();
        var completed = false;
        using var subscription = chat.Contexts.Subscribe(seen.Add, _ => Assert.Fail("the context stream must not fail"), () => completed = true);
        await chat.QueryAsync("tell me about MIMO Sleep Mode");
        await chat.QueryAsync(ActivateIt);
        await chat.QueryAsync("and TTI bundling?");
        chat.Dispose();
        Assert.Equal([ConversationContext.Empty, About(Msm), About(TtiBundling)], seen);
        Assert.True(completed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => chat.QueryAsync("anything"));
        Assert.Throws<ObjectDisposedException>(chat.Reset);
        chat.Dispose();
    }

    [Fact]
    public async Task EndingAConversationWhileQuestionsAreInFlight_KeepsTheStreamGrammar()
    {
        const string held = "and which counters does it have?";
        var chat = _swarm.CreateSession();
        var log = new List<string>();
        using var subscription = chat.Contexts.Subscribe(
            _ => { lock (log) log.Add("next"); },
            _ => { lock (log) log.Add("error"); },
            () => { lock (log) log.Add("completed"); });
        // The swarm delivers to its subscribers before completing the caller, so this holds the first
        // question inside the swarm until the conversation has ended.
        using var inSwarm = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var holder = _swarm.Responses.Subscribe(r =>
        {
            if (r.QueryText != held) return;
            inSwarm.Set();
            release.Wait();
        });
        await chat.QueryAsync("tell me about TTI bundling");
        var questions = new[] { held }.Concat(Enumerable.Repeat("tell me about MIMO Sleep Mode", 19)).Select(q => chat.QueryAsync(q)).ToList();
        Assert.True(inSwarm.Wait(TimeSpan.FromSeconds(30)));
        chat.Dispose();
        release.Set();
        var outcomes = new List<string>();
        foreach (var question in questions)
        {
            try { outcomes.Add((await question).Status.ToString()); }
            catch (ObjectDisposedException) { outcomes.Add("refused"); }
        }
        Assert.Equal(["Answered", .. Enumerable.Repeat("refused", 19)], outcomes);
        lock (log) Assert.Equal(["next", "next", "completed"], log);
    }

    [Fact]
    public async Task ASubscriberThatThrows_IsCounted_AndTheConversationGoesOn()
    {
        using var chat = _swarm.CreateSession();
        using var faulty = chat.Contexts.Skip(1).Subscribe(_ => throw new InvalidOperationException("subscriber bug"));
        await chat.QueryAsync("tell me about MIMO Sleep Mode");
        Assert.Equal(1, _swarm.SubscriberFaults);
        Assert.Equal((Msm, true), await chat.QueryAsync(ActivateIt) is var r ? (r.FeatureCode, r.ResolvedFromContext) : default);
    }

    [Fact]
    public async Task AfterTheSwarmIsDisposed_QuestionsAreRefused_AndNoNewConversationStarts()
    {
        var swarm = await TestCatalog.NewSwarmAsync();
        var chat = swarm.CreateSession();
        await chat.QueryAsync("tell me about MIMO Sleep Mode");
        await swarm.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => chat.QueryAsync(ActivateIt));
        Assert.Throws<ObjectDisposedException>(() => swarm.CreateSession());
        Assert.Equal(About(Msm), chat.Context);
    }

    [Fact]
    public async Task CorrectingAFollowUp_TeachesTheRouterNothing_AndSaysWhy()
    {
        await using var swarm = await ElexSwarm.CreateAsync(TestCatalog.Sample, router: FeatureRouter.Build(TestCatalog.Sample));
        using var chat = swarm.CreateSession();
        await chat.QueryAsync("tell me about MIMO Sleep Mode");
        var followUp = await chat.QueryAsync(ActivateIt);
        var correction = await swarm.CorrectAsync(followUp.ResponseId, TtiBundling);
        Assert.False(correction.Applied);
        Assert.Contains("follow-up", correction.Message);
        Assert.Equal(0, swarm.Router.Memory.Count);
    }

    [Fact]
    public async Task AShortFollowUpAboutAnotherFeature_AsksTheSameThing_UntilReset()
    {
        using var chat = _swarm.CreateSession();
        Assert.Equal(Core.Queries.QueryType.Counter, (await chat.QueryAsync("which counters show IFLB is working?")).QueryType);
        var next = await chat.QueryAsync("and for MSM?");
        Assert.Equal((Msm, Core.Queries.QueryType.Counter), (next.FeatureCode, next.QueryType));
        Assert.Contains("PM counters of MIMO Sleep Mode", next.Text);

        chat.Reset();
        Assert.NotEqual(Core.Queries.QueryType.Counter, (await chat.QueryAsync("and for MSM?")).QueryType);
    }
}
