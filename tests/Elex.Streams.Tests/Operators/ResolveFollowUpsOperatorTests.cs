using System.Reactive.Linq;
using Elex.Core.Catalog;
using Elex.Core.Conversations;
using Elex.Core.Queries;
using Elex.Streams.Operators;
using Elex.Streams.Pipeline;
using Elex.Streams.Tests.Marbles;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class ResolveFollowUpsOperatorTests : ReactiveTest
{
    private const string Msm = "FAJ 121 3094";
    private const string Iflb = "FAJ 121 3009";
    private const float AbstainBelow = 0.7f;

    private static ConversationContext About(params string[] codes) => new([.. codes.Select(FeatureCode.Parse)]);

    private static PipelineItem Routed(string text, ConversationContext? context)
    {
        return new PipelineItem(new Query(text) { Conversation = context }, DateTimeOffset.UnixEpoch)
        {
            Classification = new Classification(QueryType.General, Complexity.Simple),
            Route = TestCatalog.Router.Route(text),
        };
    }

    private static string Outcome(PipelineItem item) =>
        item.FailedStage ?? $"{item.Route!.Feature!.Code.Value}{(item.Route.ResolvedFromContext ? " from context" : "")}";

    [Fact]
    public void ResolveFollowUps_ArgumentChecking()
    {
        var source = Observable.Never<PipelineItem>();
        Assert.Throws<ArgumentNullException>(() => ((IObservable<PipelineItem>)null!).ResolveFollowUps(TestCatalog.Router, AbstainBelow));
        Assert.Throws<ArgumentNullException>(() => source.ResolveFollowUps(null!, AbstainBelow));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.ResolveFollowUps(TestCatalog.Router, -0.1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.ResolveFollowUps(TestCatalog.Router, 1.5f));
    }

    [Fact]
    public void ResolveFollowUps_Marbles_FollowUpsGoToTheContext_NamedFeaturesAndOutsidersKeepTheirRoute()
    {
        var marbles = new MarbleScheduler();
        var items = new Dictionary<char, PipelineItem>
        {
            ['f'] = Routed("and how is it switched on?", About(Iflb)),
            ['n'] = Routed("and what about MSM?", About(Iflb)),
            ['o'] = Routed("which counters does MSM have", null),
            ['b'] = Routed("counters?", About(Msm)),
        };
        var outcomes = new Dictionary<char, string>
        {
            ['F'] = $"{Iflb} from context",
            ['N'] = Msm,
            ['O'] = Msm,
            ['B'] = $"{Msm} from context",
        };
        var source = marbles.Hot("^-f-n-o-b-|", items);
        var results = marbles.Run(() => source.ResolveFollowUps(TestCatalog.Router, AbstainBelow).Select(Outcome));
        marbles.ExpectObservable(results).ToBe("--F-N-O-B-|", outcomes);
    }

    [Fact]
    public void ResolveFollowUps_FailedAndUnroutedItems_PassUntouched()
    {
        var scheduler = new TestScheduler();
        var failed = PipelineItems.Failed("and its counters?", "route");
        var unrouted = new PipelineItem(new Query("and its counters?") { Conversation = About(Msm) }, DateTimeOffset.UnixEpoch);
        var source = scheduler.CreateHotObservable(OnNext(210, failed), OnNext(220, unrouted), OnCompleted<PipelineItem>(230));
        var results = scheduler.Start(() => source.ResolveFollowUps(TestCatalog.Router, AbstainBelow).Select(i => (i.FailedStage, i.Route is null)));
        results.Messages.AssertEqual(
            OnNext(210, ((string?)"route", true)),
            OnNext(220, ((string?)null, true)),
            OnCompleted<(string?, bool)>(230));
    }

    [Fact]
    public void ResolveFollowUps_ResolverThrows_FailsThatItemOnly()
    {
        var scheduler = new TestScheduler();
        var routed = Routed("and its counters?", About(Msm));
        var broken = routed with { Route = routed.Route! with { Candidates = null! } };
        var source = scheduler.CreateHotObservable(OnNext(210, broken), OnNext(220, Routed("and its counters?", About(Msm))), OnCompleted<PipelineItem>(230));
        var results = scheduler.Start(() => source.ResolveFollowUps(TestCatalog.Router, AbstainBelow).Select(Outcome));
        results.Messages.AssertEqual(OnNext(210, "follow-up"), OnNext(220, $"{Msm} from context"), OnCompleted<string>(230));
    }

    [Fact]
    public void ResolveFollowUps_Marbles_ErrorIsPassedOn()
    {
        var marbles = new MarbleScheduler();
        var error = new InvalidOperationException("upstream");
        var source = marbles.Hot("^-b-#", new Dictionary<char, PipelineItem> { ['b'] = Routed("counters?", About(Msm)) }, error);
        var results = marbles.Run(() => source.ResolveFollowUps(TestCatalog.Router, AbstainBelow).Select(Outcome));
        marbles.ExpectObservable(results).ToBe("--x-#", new Dictionary<char, string> { ['x'] = $"{Msm} from context" }, error);
    }

    [Fact]
    public void ResolveFollowUps_Never() => OperatorContract.AssertNever<PipelineItem, PipelineItem>((s, _) => s.ResolveFollowUps(TestCatalog.Router, AbstainBelow));

    [Fact]
    public void ResolveFollowUps_Empty() => OperatorContract.AssertEmpty<PipelineItem, PipelineItem>((s, _) => s.ResolveFollowUps(TestCatalog.Router, AbstainBelow));
}
