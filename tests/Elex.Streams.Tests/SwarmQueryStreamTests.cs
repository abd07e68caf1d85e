using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Core.Safety;

namespace Elex.Streams.Tests;

/// <summary>ElexSwarm.QueryStream through the whole swarm: the parts, their order, and the query's one answer.</summary>
public class SwarmQueryStreamTests
{
    private const string SetSleepMode = "set sleepMode to 9 for MSM on cell X";
    private static readonly SafeZoneSet SleepModeZone = DefaultSafeZones.Load().Merge(new SafeZoneSet([
        new SafeZone("MimoSleepFunction", "sleepMode") { Min = 0, Max = 3, Step = 1 },
    ]));

    private static Task<ElexSwarm> NewSwarmAsync() => TestCatalog.NewSwarmAsync(new SwarmConfig { SafeZones = SleepModeZone, Learning = null });

    private static async Task<IList<AnswerPart>> AskAsync(ElexSwarm swarm, string text) => await swarm.QueryStream(new Query(text)).ToList();

    [Fact]
    public async Task QueryStream_RoutedThenSectionsThenVerdictsThenDone()
    {
        await using var swarm = await NewSwarmAsync();

        var parts = await AskAsync(swarm, SetSleepMode);

        var kinds = parts.Select(p => p.Kind).ToList();
        Assert.Equal(AnswerPartKind.Routed, kinds[0]);
        Assert.Equal(AnswerPartKind.Done, kinds[^1]);
        // Every section before every verdict: the kinds never go back.
        Assert.Equal(kinds.Order(), kinds);
        Assert.Contains(AnswerPartKind.Section, kinds);
        var done = parts[^1].Response!;
        Assert.Equal(done.Commands, parts.Where(p => p.Kind == AnswerPartKind.Verdict).Select(p => p.Command!));
        Assert.Contains(done.Commands, c => c.Safety == SafetyStatus.Rejected);
        Assert.Equal(done.Text.Split('\n').Where(l => l.Trim().Length > 0),
            parts.Where(p => p.Kind == AnswerPartKind.Section).SelectMany(p => p.Section!.Lines));
        Assert.All(parts, p => Assert.Equal(done.QueryId, p.QueryId));
    }

    [Fact]
    public async Task QueryStream_Done_IsTheResponseResponsesSaw_Once_AndAnswersAsQueryAsync()
    {
        await using var swarm = await NewSwarmAsync();
        var seen = new List<QueryResponse>();
        using var subscription = swarm.Responses.Subscribe(r => { lock (seen) seen.Add(r); });

        var done = (await AskAsync(swarm, SetSleepMode))[^1].Response!;
        var asked = await swarm.QueryAsync(SetSleepMode);

        lock (seen) Assert.Same(done, seen[0]);
        lock (seen) Assert.Equal(2, seen.Count);
        // A second asking of the same question: the same answer, as a new response.
        Assert.Equal((asked.Status, asked.Text, asked.FeatureCode, asked.AgentId, asked.Confidence, asked.Strategy), (done.Status, done.Text, done.FeatureCode, done.AgentId, done.Confidence, done.Strategy));
        Assert.Equal(asked.Alternatives, done.Alternatives);
        Assert.Equal(asked.Commands, done.Commands);
        Assert.Equal(asked.Evidence, done.Evidence);
    }

    [Fact]
    public async Task QueryStream_IsCold_TheQuestionIsAskedOncePerSubscription()
    {
        await using var swarm = await NewSwarmAsync();

        var stream = swarm.QueryStream(new Query("which counters show MSM is working?"));
        Assert.Equal(0, swarm.QueryCount);
        await stream.LastAsync();
        await stream.LastAsync();

        Assert.Equal(2, swarm.QueryCount);
    }

    [Fact]
    public async Task QueryStream_Unsure_RoutedAsAbstained_ThenTheCandidates_WithoutVerdicts()
    {
        await using var swarm = await NewSwarmAsync();

        var parts = await AskAsync(swarm, "set sleepMode to 2 on cell X");

        Assert.True(parts[0].Routing!.Abstained);
        Assert.Equal(ResponseStatus.Unsure, parts[^1].Response!.Status);
        Assert.DoesNotContain(parts, p => p.Kind == AnswerPartKind.Verdict);
        Assert.Contains(parts, p => p.Kind == AnswerPartKind.Section);
    }

    [Fact]
    public async Task QueryStream_EmptyQuestion_IsOnlyAnErrorPart_FromClassify()
    {
        await using var swarm = await NewSwarmAsync();

        var part = Assert.Single(await AskAsync(swarm, "   "));

        Assert.Equal(AnswerPartKind.Error, part.Kind);
        Assert.Equal("classify", part.FailedStage);
        Assert.Equal(ResponseStatus.Error, part.Response!.Status);
    }

    [Fact]
    public async Task QueryStream_OnADisposedSwarm_IsAnErrorPart_ThenCompletion()
    {
        var swarm = await NewSwarmAsync();
        await swarm.DisposeAsync();

        var part = Assert.Single(await AskAsync(swarm, SetSleepMode));

        Assert.Equal("ingress", part.FailedStage);
        Assert.IsType<ObjectDisposedException>(part.Failure);
        Assert.Null(part.Response);
    }

    [Fact]
    public async Task QueryStream_CancelledToken_IsAnErrorPart_AndTheSwarmGoesOn()
    {
        await using var swarm = await NewSwarmAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var part = Assert.Single(await swarm.QueryStream(new Query(SetSleepMode), cancelled.Token).ToList());

        Assert.Equal("cancelled", part.FailedStage);
        Assert.IsAssignableFrom<OperationCanceledException>(part.Failure);
        Assert.Equal(ResponseStatus.Answered, (await swarm.QueryAsync(SetSleepMode)).Status);
    }

    [Fact]
    public async Task QueryStream_LeavingAfterTheRoutedPart_StopsDelivery_AndTheQueryIsStillAnswered()
    {
        await using var swarm = await NewSwarmAsync();
        var answered = swarm.Responses.FirstAsync().ToTask();

        var routed = await swarm.QueryStream(new Query(SetSleepMode)).Take(1).ToList();

        Assert.Equal(AnswerPartKind.Routed, Assert.Single(routed).Kind);
        Assert.Equal(ResponseStatus.Answered, (await answered).Status);
        Assert.Equal(0, swarm.SubscriberFaults);
    }

    [Fact]
    public async Task QueryStream_ThrowingSubscriber_IsCounted_AndThePipelineGoesOn()
    {
        await using var swarm = await NewSwarmAsync();
        var answered = swarm.Responses.FirstAsync().ToTask();

        using var subscription = swarm.QueryStream(new Query(SetSleepMode)).Subscribe(_ => throw new InvalidOperationException("subscriber broke"));
        await answered;

        Assert.Equal(1, swarm.SubscriberFaults);
        Assert.Equal(ResponseStatus.Answered, (await swarm.QueryAsync(SetSleepMode)).Status);
    }

    [Fact]
    public async Task QueryStream_AskedTogether_EachStreamEndsInItsOwnResponse_InOrder()
    {
        await using var swarm = await NewSwarmAsync();
        string[] questions = ["which counters show MSM is working?", SetSleepMode, "What does TTI Bundling do?"];

        var all = await Task.WhenAll(questions.Select(q => swarm.QueryStream(new Query(q)).ToList().ToTask()));

        Assert.Equal(questions, all.Select(parts => parts[^1].Response!.QueryText));
        Assert.All(all, parts => Assert.Equal(AnswerPartKind.Routed, parts[0].Kind));
    }

    [Fact]
    public async Task QueryStream_CancelledWhileItsLastPartIsDelivered_NeitherSideWaitsForTheOther()
    {
        // The caller's token is cancelled on another thread just as the pipeline delivers the Done part: the
        // cancellation's Error part waits for that delivery, and the delivery's completion must not wait for the
        // cancellation (it did, and the pipeline's thread hung).
        // Not `await using`: should the pipeline hang, disposing the swarm would hang the test too instead of failing it.
        var swarm = await NewSwarmAsync();
        using var cancel = new CancellationTokenSource();
        var canceller = new Thread(cancel.Cancel) { IsBackground = true };
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blockedOnDelivery = false;

        using var subscription = swarm.QueryStream(new Query("what is MSM?"), cancel.Token).Subscribe(
            part =>
            {
                if (part.Kind != AnswerPartKind.Done) return;
                canceller.Start();
                // Until the cancelling thread waits for this delivery to end (bounded, should it never).
                blockedOnDelivery = SpinWait.SpinUntil(() => (canceller.ThreadState & ThreadState.WaitSleepJoin) != 0, TimeSpan.FromSeconds(10));
            },
            () => completed.TrySetResult());

        await completed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(canceller.Join(TimeSpan.FromSeconds(30)), "the cancelling thread finished");
        Assert.True(blockedOnDelivery, "the cancellation arrived during the delivery");
        // The swarm's pipeline goes on.
        Assert.Equal(ResponseStatus.Answered, (await swarm.QueryAsync("what is MSM?")).Status);
        await swarm.DisposeAsync();
    }
}
