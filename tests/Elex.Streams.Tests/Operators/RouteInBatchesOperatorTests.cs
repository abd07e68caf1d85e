using Elex.Streams.Tests.Marbles;
using System.Reactive.Linq;
using Elex.Core.Routing;
using Elex.Core.Routing.Glosses;
using Elex.Core.Semantics;
using Elex.Streams.Operators;
using Elex.Streams.Pipeline;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class RouteInBatchesOperatorTests : ReactiveTest
{
    private static (FeatureRouter Router, CountingEncoder Encoder) SemanticRouter()
    {
        var encoder = new CountingEncoder();
        var index = SemanticIndex.Build(TestCatalog.Sample, RoutingGlosses.Embedded, encoder);
        return (FeatureRouter.Build(TestCatalog.Sample, semantic: index), encoder);
    }

    private static readonly Dictionary<char, PipelineItem> NoValues = [];

    private static Dictionary<char, PipelineItem> Items(params (char Key, string Text)[] items) =>
        items.ToDictionary(i => i.Key, i => PipelineItems.Classified(i.Text));

    [Fact]
    public void RouteInBatches_ArgumentChecking()
    {
        var (router, _) = SemanticRouter();
        var marbles = new MarbleScheduler();
        Assert.Throws<ArgumentNullException>("source", () => ((IObservable<PipelineItem>)null!).RouteInBatches(router, TimeSpan.FromTicks(30), 4, marbles.Scheduler));
        Assert.Throws<ArgumentNullException>("router", () => Observable.Empty<PipelineItem>().RouteInBatches(null!, TimeSpan.FromTicks(30), 4, marbles.Scheduler));
        Assert.Throws<ArgumentNullException>("scheduler", () => Observable.Empty<PipelineItem>().RouteInBatches(router, TimeSpan.FromTicks(30), 4, null!));
        Assert.Throws<ArgumentOutOfRangeException>("window", () => Observable.Empty<PipelineItem>().RouteInBatches(router, TimeSpan.Zero, 4, marbles.Scheduler));
        Assert.Throws<ArgumentOutOfRangeException>("maxBatch", () => Observable.Empty<PipelineItem>().RouteInBatches(router, TimeSpan.FromTicks(30), 0, marbles.Scheduler));
    }

    [Fact]
    public void RouteInBatches_Regular_OneModelRunPerWindow_InOrder()
    {
        var (router, encoder) = SemanticRouter();
        var marbles = new MarbleScheduler();
        // Windows of 4 frames from the subscription: a and b share one model run, c and d run alone.
        var source = marbles.Hot("^-ab-c----d----|", Items(('a', "energy saving at night"), ('b', "load balancing between carriers"), ('c', "sleep mode for antennas"), ('d', "uplink aggregation of carriers at the cell edge")));
        var results = marbles.Run(() => source.RouteInBatches(router, TimeSpan.FromTicks(marbles.TicksPerFrame * 4), 16, marbles.Scheduler).Select(i => i.Query.Text[0]));
        marbles.ExpectObservable(results).ToBe("----(ab)c---d--|", new Dictionary<char, char> { ['a'] = 'e', ['b'] = 'l', ['c'] = 's', ['d'] = 'u' });
        Assert.Equal([2, 1, 1], encoder.QueryBatches);
    }

    [Fact]
    public void RouteInBatches_FullBatch_IsRoutedWithoutWaitingForTheWindow()
    {
        var (router, encoder) = SemanticRouter();
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^-(abc)--|", Items(('a', "energy saving at night"), ('b', "load balancing between carriers"), ('c', "sleep mode for antennas")));
        var results = marbles.Run(() => source.RouteInBatches(router, TimeSpan.FromTicks(marbles.TicksPerFrame * 50), 2, marbles.Scheduler).Select(i => i.Route is not null ? 'r' : '-'));
        marbles.ExpectObservable(results).ToBe("--(rr)---(r|)", new Dictionary<char, char> { ['r'] = 'r' });
        Assert.Equal([2, 1], encoder.QueryBatches);
    }

    [Fact]
    public void RouteInBatches_ExactEvidence_SettlesWithoutTheModel_AtOnce_WhenNothingWaits()
    {
        var (router, encoder) = SemanticRouter();
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^-a-|", Items(('a', "What is FAJ 121 3094?")));
        var results = marbles.Run(() => source.RouteInBatches(router, TimeSpan.FromTicks(marbles.TicksPerFrame * 2), 4, marbles.Scheduler)
            .Select(i => i.Route!.UsedSemantic ? "model" : i.Route.Feature!.Code.Value));
        marbles.ExpectObservable(results).ToBe("--a-|", new Dictionary<char, string> { ['a'] = "FAJ 121 3094" });
        Assert.Empty(encoder.QueryBatches);
    }

    [Fact]
    public void RouteInBatches_ExactEvidence_BehindAWaitingQuestion_WaitsForItsBatch_InOrder()
    {
        var (router, encoder) = SemanticRouter();
        var marbles = new MarbleScheduler();
        // n needs the model and waits for the window (frames 0–4); x names its feature but is behind n, so it waits too; y, after the batch, leaves as it comes.
        var source = marbles.Hot("^-nx----y-|", Items(('n', "energy saving at night"), ('x', "What is FAJ 121 3094?"), ('y', "What is FAJ 121 3094?")));
        var results = marbles.Run(() => source.RouteInBatches(router, TimeSpan.FromTicks(marbles.TicksPerFrame * 4), 16, marbles.Scheduler)
            .Select(i => i.Query.Text[0] == 'e' ? 'n' : i.Route!.UsedSemantic ? 'm' : 'x'));
        marbles.ExpectObservable(results).ToBe("----(nx)x-|", new Dictionary<char, char> { ['n'] = 'n', ['x'] = 'x' });
        Assert.Equal([1], encoder.QueryBatches);
    }

    [Fact]
    public void RouteInBatches_ModelFails_ThatBatchRoutesOnExactAndLexicalEvidence_AndTheStreamGoesOn()
    {
        var (router, encoder) = SemanticRouter();
        var marbles = new MarbleScheduler();
        var items = Items(('a', "energy saving at night"), ('b', "load balancing between carriers"));
        var routed = new Dictionary<char, PipelineItem>();
        var source = marbles.Hot("^-a--b--|", items);
        var results = marbles.Run(() => source.Do(i => encoder.Fail = i.Query.Text.StartsWith("energy", StringComparison.Ordinal))
            .RouteInBatches(router, TimeSpan.FromTicks(marbles.TicksPerFrame * 2), 16, marbles.Scheduler)
            .Do(i => routed[items.Single(kv => kv.Value.Query == i.Query).Key] = i)
            .Select(i => i.HasFailed ? 'x' : i.Route!.ModelFailure is null ? 'r' : 'f'));
        marbles.ExpectObservable(results).ToBe("----f-r-|", new Dictionary<char, char> { ['f'] = 'f', ['r'] = 'r' });
        Assert.Equal("model unavailable", routed['a'].Route!.ModelFailure);
        Assert.False(routed['a'].Route!.UsedSemantic);
        Assert.True(routed['b'].Route!.UsedSemantic);
    }

    [Fact]
    public void RouteInBatches_Empty_Completes()
    {
        var (router, encoder) = SemanticRouter();
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^---|", NoValues);
        var results = marbles.Run(() => source.RouteInBatches(router, TimeSpan.FromTicks(marbles.TicksPerFrame), 4, marbles.Scheduler));
        marbles.ExpectObservable(results).ToBe("----|", NoValues);
        Assert.Empty(encoder.QueryBatches);
    }

    [Fact]
    public void RouteInBatches_Error_PassesThrough()
    {
        var (router, _) = SemanticRouter();
        var marbles = new MarbleScheduler();
        var error = new InvalidOperationException("ingress broke");
        var source = marbles.Hot("^--#", NoValues, error);
        var results = marbles.Run(() => source.RouteInBatches(router, TimeSpan.FromTicks(marbles.TicksPerFrame * 10), 4, marbles.Scheduler));
        marbles.ExpectObservable(results).ToBe("---#", NoValues, error);
    }

    [Fact]
    public void RouteInBatches_Never_NeverEmitsAndNeverRunsTheModel()
    {
        var (router, encoder) = SemanticRouter();
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^------", NoValues);
        var results = marbles.Run(() => source.RouteInBatches(router, TimeSpan.FromTicks(marbles.TicksPerFrame), 4, marbles.Scheduler));
        marbles.ExpectObservable(results).ToBe("-------", NoValues);
        Assert.Empty(encoder.QueryBatches);
    }

    [Fact]
    public void RouteInBatches_LexicalRouter_RoutesEachItemWithoutWaiting()
    {
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^-a-|", Items(('a', "What counters monitor MSM performance?")));
        var results = marbles.Run(() => source.RouteInBatches(TestCatalog.Router, TimeSpan.FromTicks(marbles.TicksPerFrame * 10), 4, marbles.Scheduler).Select(i => i.Route!.Feature!.Code.Value));
        marbles.ExpectObservable(results).ToBe("--a-|", new Dictionary<char, string> { ['a'] = "FAJ 121 3094" });
    }
}
