using System.Collections.Concurrent;
using System.Reactive.Linq;
using Elex.Core.Agents;
using Elex.Core.Queries;
using Elex.Core.Safety;
using Elex.Streams.Pipeline;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Pipeline;

/// <summary>
/// Routing running ahead of answering (<see cref="SwarmConfig.RouteAhead"/>): the query graph hands
/// routed items to a second scheduler for everything after routing (the hand-off itself:
/// HandOffOperatorTests). Virtual time shows the graph's split; a real swarm shows the thread,
/// per-producer order and answers equal to one thread's.
/// </summary>
public class RouteAheadTests : ReactiveTest
{
    private static readonly string[] Questions =
    [
        "What counters monitor MSM performance?",
        "IFLB not moving UEs",
        "set sleepMode to 2 on cell X",
        "How do I activate carrier aggregation?",
        "what is FAJ 121 3094",
    ];

    [Fact]
    public void Graph_RoutesOnTheIngressSide_AndAnswersOnlyWhenTheAnsweringSideRuns()
    {
        var clock = new TestScheduler();
        var answerOn = new TestScheduler();
        var source = clock.CreateHotObservable(
            OnNext(210, new PipelineItem(new Query("What counters monitor MSM performance?"), DateTimeOffset.UnixEpoch)),
            OnNext(220, new PipelineItem(new Query("IFLB not moving UEs"), DateTimeOffset.UnixEpoch)),
            OnCompleted<PipelineItem>(230));
        var graph = QueryGraph.Build(source, TestCatalog.Router, new AgentRegistry(TestCatalog.Sample), new SafetyValidator(SafeZoneSet.Empty),
            new SwarmConfig { RouteAhead = false }, clock, answerOn: answerOn);
        var observer = clock.CreateObserver<string>();
        using var subscription = graph.Select(i => $"{i.Response!.FeatureCode} {i.Response.Status}").Subscribe(observer);

        clock.AdvanceTo(300);
        Assert.Empty(observer.Messages);

        answerOn.Start();
        observer.Messages.AssertEqual(
            OnNext(300, "FAJ 121 3094 Answered"),
            OnNext(300, "FAJ 121 3009 Answered"),
            OnCompleted<string>(300));
    }

    [Fact]
    public async Task Swarm_AnswersOnItsOwnThread_WhenRoutingRunsAhead_AndOnTheReadingThreadOtherwise()
    {
        foreach (var ahead in new[] { true, false })
        {
            await using var swarm = await TestCatalog.NewSwarmAsync(new SwarmConfig { RouteAhead = ahead });
            var threads = new ConcurrentBag<string?>();
            using var _ = swarm.Responses.Subscribe(_ => threads.Add(Thread.CurrentThread.Name));
            await Task.WhenAll(Questions.Select(q => swarm.QueryAsync(q)));
            Assert.Equal(Questions.Length, threads.Count);
            Assert.All(threads, name => Assert.Equal(ahead, name == "elex-answer"));
        }
    }

    [Fact]
    public async Task Swarm_KeepsEachProducersOrder_AndAnswersAsOneThreadDoes()
    {
        const int producers = 4, perProducer = 150;
        var sequence = Enumerable.Range(0, producers * perProducer).Select(i => Questions[i % Questions.Length]).ToArray();

        // One producer, one fixed order: routing ahead must not change a single answer (learning included).
        var alone = await AnswersAsync(new SwarmConfig { RouteAhead = false }, sequence);
        var ahead = await AnswersAsync(new SwarmConfig { RouteAhead = true }, sequence);
        Assert.Equal(alone, ahead);

        // Several producers at once: the Responses stream shows each producer's queries in the order it sent them.
        await using var swarm = await TestCatalog.NewSwarmAsync(new SwarmConfig { RouteAhead = true });
        var seen = new ConcurrentQueue<string>();
        using var _ = swarm.Responses.Subscribe(r => seen.Enqueue(r.QueryId));
        var sent = new string[producers][];
        var start = new Barrier(producers);
        await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(() =>
        {
            var queries = Enumerable.Range(0, perProducer).Select(i => new Query(Questions[(p + i) % Questions.Length])).ToArray();
            sent[p] = [.. queries.Select(q => q.Id)];
            start.SignalAndWait();
            // Below the ingress capacity, so every write is taken in the order it is made.
            return Task.WhenAll(queries.Select(q => swarm.QueryAsync(q)).ToArray());
        })));
        var position = seen.Select((id, at) => (id, at)).ToDictionary(x => x.id, x => x.at);
        Assert.Equal(producers * perProducer, position.Count);
        foreach (var ids in sent)
        {
            var order = ids.Select(id => position[id]).ToArray();
            Assert.Equal(order.Order(), order);
        }
    }

    private static async Task<string[]> AnswersAsync(SwarmConfig config, string[] sequence)
    {
        await using var swarm = await TestCatalog.NewSwarmAsync(config);
        var pending = sequence.Select(q => swarm.QueryAsync(q)).ToArray();
        var responses = await Task.WhenAll(pending);
        return [.. responses.Select(r => $"{r.FeatureCode}|{r.Status}|{r.Strategy}|{r.Text}")];
    }
}
