using Elex.Streams.Tests.Marbles;
using System.Reactive.Linq;
using Elex.Core.Catalog;
using Elex.Streams.Operators;
using Elex.Streams.Pipeline;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class RouteOperatorTests : ReactiveTest
{
    [Fact]
    public void Route_ArgumentChecking()
    {
        Assert.Throws<ArgumentNullException>(() => ((IObservable<PipelineItem>)null!).Route(TestCatalog.Router));
        Assert.Throws<ArgumentNullException>(() => Observable.Empty<PipelineItem>().Route(null!));
    }

    [Fact]
    public void Route_Regular_AttachesBestFeatureInOrder()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(210, PipelineItems.Classified("What counters monitor MSM performance?")),
            OnNext(220, PipelineItems.Classified("IFLB not moving UEs")),
            OnCompleted<PipelineItem>(300));

        var results = scheduler.Start(() => source.Route(TestCatalog.Router).Select(i => i.Route!.Feature!.Code.Value));

        results.Messages.AssertEqual(OnNext(210, "FAJ 121 3094"), OnNext(220, "FAJ 121 3009"), OnCompleted<string>(300));
        source.Subscriptions.AssertEqual(Subscribe(200, 300));
    }

    [Fact]
    public void Route_FailedItem_PassesThroughUnrouted()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(OnNext(210, PipelineItems.Failed("MSM", "classify")), OnCompleted<PipelineItem>(220));
        var results = scheduler.Start(() => source.Route(TestCatalog.Router).Select(i => (i.Route is null, i.FailedStage)));
        results.Messages.AssertEqual(OnNext(210, (true, (string?)"classify")), OnCompleted<(bool, string?)>(220));
    }

    [Fact]
    public void Route_RouterThrows_FailsItemAndContinues()
    {
        var scheduler = new TestScheduler();
        var broken = new PipelineItem(new Elex.Core.Queries.Query("x") { Text = null! }, DateTimeOffset.UnixEpoch);
        var source = scheduler.CreateHotObservable(
            OnNext(210, broken),
            OnNext(220, PipelineItems.Classified("MSM")),
            OnCompleted<PipelineItem>(230));
        var results = scheduler.Start(() => source.Route(TestCatalog.Router).Select(i => i.FailedStage ?? i.Route!.Feature!.Code.Value));
        results.Messages.AssertEqual(OnNext(210, "route"), OnNext(220, "FAJ 121 3094"), OnCompleted<string>(230));
    }

    [Fact]
    public void Route_Error()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("upstream");
        var source = scheduler.CreateHotObservable(OnNext(210, PipelineItems.Classified("MSM")), OnError<PipelineItem>(220, error));
        var results = scheduler.Start(() => source.Route(TestCatalog.Router).Select(i => i.Route!.Feature!.Code));
        results.Messages.AssertEqual(OnNext(210, FeatureCode.Parse("FAJ 121 3094")), OnError<FeatureCode>(220, error));
    }

    [Fact]
    public void Route_Never_DisposedAtEnd()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable<PipelineItem>();
        var results = scheduler.Start(() => source.Route(TestCatalog.Router));
        results.Messages.AssertEqual();
        source.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void Route_Marbles()
    {
        var marbles = new MarbleScheduler();
        var scheduler = marbles.Scheduler;
        var items = new Dictionary<char, PipelineItem> { ['a'] = PipelineItems.Classified("MSM counters"), ['b'] = PipelineItems.Classified("IFLB parameters") };
        var codes = new Dictionary<char, string> { ['m'] = "FAJ 121 3094", ['i'] = "FAJ 121 3009" };
        var source = marbles.Hot("^-a-b--#", items);
        var results = marbles.Run(() => source.Route(TestCatalog.Router).Select(i => i.Route!.Feature!.Code.Value));
        marbles.ExpectObservable(results).ToBe("--m-i--#", codes);
    }

    [Fact]
    public void Route_Never() => OperatorContract.AssertNever<PipelineItem, PipelineItem>((s, _) => s.Route(TestCatalog.Router));

    [Fact]
    public void Route_Empty() => OperatorContract.AssertEmpty<PipelineItem, PipelineItem>((s, _) => s.Route(TestCatalog.Router));
}
