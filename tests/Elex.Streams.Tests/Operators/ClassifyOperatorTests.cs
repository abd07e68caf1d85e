using Elex.Streams.Tests.Marbles;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Core.Queries;
using Elex.Streams.Pipeline;
using Elex.Streams.Operators;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class ClassifyOperatorTests : ReactiveTest
{
    [Fact]
    public void Classify_ArgumentChecking()
    {
        Assert.Throws<ArgumentNullException>(() => ((IObservable<Query>)null!).Classify(Scheduler.Immediate));
        Assert.Throws<ArgumentNullException>(() => Observable.Empty<Query>().Classify(null!));
    }

    [Fact]
    public void Classify_Regular_StampsVirtualTimeAndClassifies()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(150, new Query("ignored: before subscription")),
            OnNext(210, new Query("Which counters show MSM is working?")),
            OnNext(230, new Query("How do I activate IFLB?", complexity: Complexity.Complex)),
            OnNext(240, new Query("anything", QueryType.Kpi)),
            OnCompleted<Query>(300));

        var results = scheduler.Start(() => source.Classify(scheduler).Select(i => (i.ReceivedAt.Ticks, i.Classification.Type, i.Classification.Complexity)));

        results.Messages.AssertEqual(
            OnNext(210, (210L, QueryType.Counter, Complexity.Simple)),
            OnNext(230, (230L, QueryType.Procedure, Complexity.Complex)),
            OnNext(240, (240L, QueryType.Kpi, Complexity.Simple)),
            OnCompleted<(long, QueryType, Complexity)>(300));
        source.Subscriptions.AssertEqual(Subscribe(200, 300));
    }

    [Fact]
    public void Classify_EmptyText_FailsTheItemNotTheStream()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(210, new Query("  ")),
            OnNext(220, new Query("what is MSM?")),
            OnCompleted<Query>(230));

        var results = scheduler.Start(() => source.Classify(scheduler).Select(i => i.FailedStage ?? "ok"));

        results.Messages.AssertEqual(OnNext(210, "classify"), OnNext(220, "ok"), OnCompleted<string>(230));
    }

    [Fact]
    public void Classify_Empty() => AssertPassesTerminal(OnCompleted<Query>(250), OnCompleted<string>(250));

    [Fact]
    public void Classify_Error() => AssertPassesTerminal(OnError<Query>(250, Boom), OnError<string>(250, Boom));

    [Fact]
    public void Classify_Never()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable<Query>();
        var results = scheduler.Start(() => source.Classify(scheduler).Select(i => i.Query.Text));
        results.Messages.AssertEqual();
        source.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    private static readonly Exception Boom = new InvalidOperationException("ingress broke");

    private static void AssertPassesTerminal(Recorded<System.Reactive.Notification<Query>> terminal, Recorded<System.Reactive.Notification<string>> expected)
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(terminal);
        var results = scheduler.Start(() => source.Classify(scheduler).Select(i => i.Query.Text));
        results.Messages.AssertEqual(expected);
        source.Subscriptions.AssertEqual(Subscribe(200, 250));
    }

    [Fact]
    public void Classify_Marbles()
    {
        var marbles = new MarbleScheduler();
        var scheduler = marbles.Scheduler;
        var queries = new Dictionary<char, Query> { ['a'] = new("Which counters show MSM is working?"), ['b'] = new("How do I activate IFLB?") };
        var types = new Dictionary<char, QueryType> { ['c'] = QueryType.Counter, ['p'] = QueryType.Procedure };
        var source = marbles.Hot("^-a--b-|", queries);
        var results = marbles.Run(() => source.Classify(scheduler).Select(i => i.Classification.Type));
        marbles.ExpectObservable(results).ToBe("--c--p-|", types);
        marbles.ExpectSubscriptions(source.Subscriptions).ToBe("^------!");
    }

    [Fact]
    public void Classify_Items_StampsWhenEachLeftTheQueue_SoAnswerSplitsQueueAndWork()
    {
        var marbles = new Marbles.MarbleScheduler();
        // Both queries were enqueued at virtual time 0; they leave the queue at frames 2 and 5.
        var items = new Dictionary<char, PipelineItem>
        {
            ['a'] = PipelineItems.Classified("what is MSM?", ticks: marbles.Origin),
            ['b'] = PipelineItems.Classified("what is IFLB?", ticks: marbles.Origin),
        };
        var source = marbles.Hot("^-a--b|", items);
        var results = marbles.Run(() => source.Classify(marbles.Scheduler).Answer(marbles.Scheduler).Responses().Select(r => $"{r.QueueUs * 10 / marbles.TicksPerFrame:0}|{r.LatencyUs:0}"));
        marbles.ExpectObservable(results).ToBe("--a--b|", new Dictionary<char, string> { ['a'] = "2|0", ['b'] = "5|0" });
    }

    [Fact]
    public void Classify_Items_ArgumentChecking()
    {
        Assert.Throws<ArgumentNullException>(() => ((IObservable<PipelineItem>)null!).Classify(Scheduler.Immediate));
        Assert.Throws<ArgumentNullException>(() => Observable.Empty<PipelineItem>().Classify(null!));
    }
}
