using Elex.Streams.Tests.Marbles;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Core.Routing;
using Elex.Core.Routing.Glosses;
using Elex.Core.Semantics;
using Elex.Streams.Operators;
using Elex.Streams.Pipeline;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class RouteWithAsyncModelOperatorTests : ReactiveTest
{
    private static readonly Dictionary<char, PipelineItem> NoValues = [];

    // A lexical router, and the model that can be attached to it (runs take `delay` frames).
    private static (FeatureRouter Router, SemanticIndex Model, AsyncCountingEncoder Encoder) Setup(MarbleScheduler marbles, int delayFrames)
    {
        var encoder = new AsyncCountingEncoder(marbles.Scheduler, marbles.Frames(delayFrames));
        var router = FeatureRouter.Build(TestCatalog.Sample);
        return (router, SemanticIndex.Build(TestCatalog.Sample, RoutingGlosses.Embedded, encoder), encoder);
    }

    private static Dictionary<char, PipelineItem> Items(params (char Key, string Text)[] items) =>
        items.ToDictionary(i => i.Key, i => PipelineItems.Classified(i.Text));

    private static void AttachAt(MarbleScheduler marbles, int frame, FeatureRouter router, SemanticIndex model) =>
        marbles.Scheduler.ScheduleAbsolute(marbles.Origin + frame * marbles.TicksPerFrame, () => router.AttachSemantic(model));

    // Each item as its first letter, upper case when the model routed it.
    private static char Shown(PipelineItem item) =>
        item.Route!.UsedSemantic ? char.ToUpperInvariant(item.Query.Text[0]) : item.Query.Text[0];

    [Fact]
    public void RouteWithAsyncModel_ArgumentChecking()
    {
        var marbles = new MarbleScheduler();
        var (router, _, _) = Setup(marbles, 1);
        var window = marbles.Frames(4);
        Assert.Throws<ArgumentNullException>("source", () => ((IObservable<PipelineItem>)null!).RouteWithAsyncModel(router, window, 4, marbles.Scheduler));
        Assert.Throws<ArgumentNullException>("router", () => Observable.Empty<PipelineItem>().RouteWithAsyncModel(null!, window, 4, marbles.Scheduler));
        Assert.Throws<ArgumentNullException>("scheduler", () => Observable.Empty<PipelineItem>().RouteWithAsyncModel(router, window, 4, null!));
        Assert.Throws<ArgumentOutOfRangeException>("window", () => Observable.Empty<PipelineItem>().RouteWithAsyncModel(router, TimeSpan.Zero, 4, marbles.Scheduler));
        Assert.Throws<ArgumentOutOfRangeException>("maxBatch", () => Observable.Empty<PipelineItem>().RouteWithAsyncModel(router, window, 0, marbles.Scheduler));
    }

    [Fact]
    public void RouteWithAsyncModel_NoModelYet_RoutesEachItemAtOnce()
    {
        var marbles = new MarbleScheduler();
        var (router, _, encoder) = Setup(marbles, 3);
        var source = marbles.Hot("^-a-b--|", Items(('a', "uplink aggregation of carriers at the cell edge"), ('b', "load balancing between carriers")));
        var results = marbles.Run(() => source.RouteWithAsyncModel(router, marbles.Frames(4), 8, marbles.Scheduler).Select(Shown));
        marbles.ExpectObservable(results).ToBe("--u-l--|", new Dictionary<char, char> { ['u'] = 'u', ['l'] = 'l' });
        Assert.Empty(encoder.QueryBatches);
    }

    [Fact]
    public void RouteWithAsyncModel_ModelAttached_LaterItemsShareOneAsyncRunPerWindow()
    {
        var marbles = new MarbleScheduler();
        var (router, model, encoder) = Setup(marbles, 2);
        // The model arrives at frame 3: a (frame 2) is routed at once; b and c fall in the window [4, 8), run at 8, done at 10.
        AttachAt(marbles, 3, router, model);
        var source = marbles.Hot("^-a---bc------|", Items(('a', "uplink aggregation of carriers at the cell edge"), ('b', "load balancing between carriers"), ('c', "sleep mode for antennas")));
        var results = marbles.Run(() => source.RouteWithAsyncModel(router, marbles.Frames(4), 8, marbles.Scheduler).Select(Shown));
        marbles.ExpectObservable(results).ToBe("--u-------(LS)|", new Dictionary<char, char> { ['u'] = 'u', ['L'] = 'L', ['S'] = 'S' });
        Assert.Equal([2], encoder.QueryBatches);
    }

    [Fact]
    public void RouteWithAsyncModel_SlowRun_NextBatchWaitsForIt_OrderKept()
    {
        var marbles = new MarbleScheduler();
        var (router, model, encoder) = Setup(marbles, 6);
        AttachAt(marbles, 0, router, model);
        // a (frame 2) and b (frame 6) fall in windows closing at 4 and 8; a's run takes until 10, so b's starts at 10 and ends at 16.
        var source = marbles.Hot("^-a---b-----------|", Items(('a', "uplink aggregation of carriers at the cell edge"), ('b', "load balancing between carriers")));
        var results = marbles.Run(() => source.RouteWithAsyncModel(router, marbles.Frames(4), 8, marbles.Scheduler).Select(Shown));
        marbles.ExpectObservable(results).ToBe("----------U-----L-|", new Dictionary<char, char> { ['U'] = 'U', ['L'] = 'L' });
        Assert.Equal([1, 1], encoder.QueryBatches);
        Assert.Equal([marbles.Origin + 4 * marbles.TicksPerFrame, marbles.Origin + 10 * marbles.TicksPerFrame], encoder.RunStarts.Select(t => t - t % marbles.TicksPerFrame));
    }

    [Fact]
    public void RouteWithAsyncModel_ExactEvidence_SettlesWithoutAModelRun()
    {
        var marbles = new MarbleScheduler();
        var (router, model, encoder) = Setup(marbles, 2);
        AttachAt(marbles, 0, router, model);
        // Frame 2 is just past the first window's end (ticks 200-220): the next window closes at 4, and no model runs.
        var source = marbles.Hot("^-a---|", Items(('a', "What is FAJ 121 3094?")));
        var results = marbles.Run(() => source.RouteWithAsyncModel(router, marbles.Frames(2), 8, marbles.Scheduler)
            .Select(i => i.Route!.UsedSemantic ? "model" : i.Route.Feature!.Code.Value));
        marbles.ExpectObservable(results).ToBe("----a-|", new Dictionary<char, string> { ['a'] = "FAJ 121 3094" });
        Assert.Empty(encoder.QueryBatches);
    }

    [Fact]
    public void RouteWithAsyncModel_RunFails_ThatBatchRoutesWithoutTheModel_AndTheStreamGoesOn()
    {
        var marbles = new MarbleScheduler();
        var (router, model, encoder) = Setup(marbles, 1);
        AttachAt(marbles, 0, router, model);
        var items = Items(('a', "uplink aggregation of carriers at the cell edge"), ('b', "load balancing between carriers"));
        var routed = new Dictionary<char, PipelineItem>();
        var source = marbles.Hot("^-a---b-----|", items);
        var results = marbles.Run(() => source.Do(i => encoder.Fail = i.Query.Text.StartsWith("uplink", StringComparison.Ordinal))
            .RouteWithAsyncModel(router, marbles.Frames(4), 8, marbles.Scheduler)
            .Do(i => routed[items.Single(kv => kv.Value.Query == i.Query).Key] = i)
            .Select(i => i.HasFailed ? 'x' : i.Route!.ModelFailure is null ? 'r' : 'f'));
        marbles.ExpectObservable(results).ToBe("-----f---r--|", new Dictionary<char, char> { ['f'] = 'f', ['r'] = 'r' });
        Assert.Equal("model run failed", routed['a'].Route!.ModelFailure);
        Assert.False(routed['a'].Route!.UsedSemantic);
        Assert.True(routed['b'].Route!.UsedSemantic);
    }

    [Fact]
    public void RouteWithAsyncModel_CompletionWaitsForTheRunInFlight()
    {
        var marbles = new MarbleScheduler();
        var (router, model, _) = Setup(marbles, 5);
        AttachAt(marbles, 0, router, model);
        // The source completes at 4: the partial window is flushed then, and the run ends at 9.
        var source = marbles.Hot("^-a-|", Items(('a', "uplink aggregation of carriers at the cell edge")));
        var results = marbles.Run(() => source.RouteWithAsyncModel(router, marbles.Frames(10), 8, marbles.Scheduler).Select(Shown));
        marbles.ExpectObservable(results).ToBe("---------(U|)", new Dictionary<char, char> { ['U'] = 'U' });
    }

    [Fact]
    public void RouteWithAsyncModel_Error_PassesThrough()
    {
        var marbles = new MarbleScheduler();
        var (router, _, _) = Setup(marbles, 1);
        var error = new InvalidOperationException("ingress broke");
        var source = marbles.Hot("^--#", NoValues, error);
        var results = marbles.Run(() => source.RouteWithAsyncModel(router, marbles.Frames(10), 4, marbles.Scheduler));
        marbles.ExpectObservable(results).ToBe("---#", NoValues, error);
    }

    [Fact]
    public void RouteWithAsyncModel_Never_NeverEmitsAndNeverRunsTheModel()
    {
        var marbles = new MarbleScheduler();
        var (router, model, encoder) = Setup(marbles, 1);
        AttachAt(marbles, 0, router, model);
        var source = marbles.Hot("^------", NoValues);
        var results = marbles.Run(() => source.RouteWithAsyncModel(router, marbles.Frames(1), 4, marbles.Scheduler));
        marbles.ExpectObservable(results).ToBe("-------", NoValues);
        Assert.Empty(encoder.QueryBatches);
    }
}
