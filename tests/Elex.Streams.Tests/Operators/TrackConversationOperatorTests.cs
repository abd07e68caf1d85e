using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Core.Catalog;
using Elex.Core.Conversations;
using Elex.Core.Responses;
using Elex.Streams.Operators;
using Elex.Streams.Tests.Marbles;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class TrackConversationOperatorTests : ReactiveTest
{
    private const string Msm = "FAJ 121 3094";
    private const string Iflb = "FAJ 121 3009";

    private static ConversationTurn Answered(string feature, bool fromContext = false, params string[] named) => ConversationTurn.Answered(new QueryResponse
    {
        ResponseId = "r", QueryId = "q", QueryText = "t", Status = ResponseStatus.Answered, FeatureCode = feature,
        ResolvedFromContext = fromContext, NamedFeatures = named,
    });

    private static ConversationTurn Status(ResponseStatus status, string? feature = null, params string[] named) => ConversationTurn.Answered(new QueryResponse
    {
        ResponseId = "r", QueryId = "q", QueryText = "t", Status = status, FeatureCode = feature, NamedFeatures = named,
    });

    private static ConversationContext About(params string[] codes) => new([.. codes.Select(FeatureCode.Parse)]);

    // Turns: m/i a question naming MSM/IFLB, f/g a follow-up answered about MSM/IFLB from context, c a comparison
    // naming IFLB and MSM, n NoMatch, u Unsure naming nothing, r reset.
    private static readonly Dictionary<char, ConversationTurn> Turns = new()
    {
        ['m'] = Answered(Msm, false, Msm),
        ['i'] = Answered(Iflb, false, Iflb),
        ['f'] = Answered(Msm, fromContext: true),
        ['g'] = Answered(Iflb, fromContext: true),
        ['c'] = Answered(Iflb, false, Iflb, Msm),
        ['n'] = Status(ResponseStatus.NoMatch),
        ['u'] = Status(ResponseStatus.Unsure, Iflb),
        ['r'] = ConversationTurn.Reset,
    };

    // Contexts: e empty, M MSM, I IFLB, B IFLB then MSM, A MSM then IFLB.
    private static readonly Dictionary<char, ConversationContext> Contexts = new()
    {
        ['e'] = ConversationContext.Empty,
        ['M'] = About(Msm),
        ['I'] = About(Iflb),
        ['B'] = About(Iflb, Msm),
        ['A'] = About(Msm, Iflb),
    };

    [Fact]
    public void TrackConversation_ArgumentChecking() =>
        Assert.Throws<ArgumentNullException>(() => ((IObservable<ConversationTurn>)null!).TrackConversation());

    [Fact]
    public void TrackConversation_Marbles_ANamedFeatureSwitches_AFollowUpKeepsTheContext()
    {
        var marbles = new MarbleScheduler();
        var turns = marbles.Hot("^-m-f-f-i-g-|", Turns);
        var results = marbles.Run(() => turns.TrackConversation());
        marbles.ExpectObservable(results).ToBe("e-M-----I---|", Contexts);
    }

    [Fact]
    public void TrackConversation_Marbles_AComparisonHoldsTwo_AFollowUpPutsItsFeatureFirst()
    {
        var marbles = new MarbleScheduler();
        var turns = marbles.Hot("^-c-f-|", Turns);
        var results = marbles.Run(() => turns.TrackConversation());
        marbles.ExpectObservable(results).ToBe("e-B-A-|", Contexts);
    }

    [Fact]
    public void TrackConversation_Marbles_ResetForgets_AnswersWithoutAFeatureChangeNothing()
    {
        var marbles = new MarbleScheduler();
        var turns = marbles.Hot("^-m-n-u-r-n-i-|", Turns);
        var results = marbles.Run(() => turns.TrackConversation());
        marbles.ExpectObservable(results).ToBe("e-M-----e---I-|", Contexts);
    }

    [Fact]
    public void TrackConversation_Marbles_StartsFromTheGivenContext()
    {
        var marbles = new MarbleScheduler();
        var turns = marbles.Hot("^-f-i-|", Turns);
        var results = marbles.Run(() => turns.TrackConversation(About(Msm)));
        marbles.ExpectObservable(results).ToBe("M---I-|", Contexts);
    }

    [Fact]
    public void TrackConversation_Marbles_ErrorIsPassedOn()
    {
        var marbles = new MarbleScheduler();
        var error = new InvalidOperationException("turns broke");
        var turns = marbles.Hot("^-m-#", Turns, error);
        var results = marbles.Run(() => turns.TrackConversation());
        marbles.ExpectObservable(results).ToBe("e-M-#", Contexts, error);
    }

    [Fact]
    public void TrackConversation_DisposedEarly_UnsubscribesFromTheTurns()
    {
        var scheduler = new TestScheduler();
        var turns = scheduler.CreateHotObservable(OnNext(210, Turns['m']), OnNext(300, Turns['i']));
        var results = scheduler.Start(() => turns.TrackConversation(), created: 100, subscribed: 200, disposed: 250);
        results.Messages.AssertEqual(OnNext(200, ConversationContext.Empty), OnNext(210, About(Msm)));
        turns.Subscriptions.AssertEqual(Subscribe(200, 250));
    }

    [Fact]
    public void TrackConversation_EachSubscriptionScansFromTheStart()
    {
        var scheduler = new TestScheduler();
        var turns = scheduler.CreateColdObservable(OnNext(10, Turns['c']), OnCompleted<ConversationTurn>(20));
        var tracked = turns.TrackConversation();
        var first = scheduler.CreateObserver<ConversationContext>();
        var second = scheduler.CreateObserver<ConversationContext>();
        scheduler.ScheduleAbsolute(100, () => tracked.Subscribe(first));
        scheduler.ScheduleAbsolute(200, () => tracked.Subscribe(second));
        scheduler.Start();
        Assert.Equal([ConversationContext.Empty, About(Iflb, Msm)], first.Messages.Where(m => m.Value.HasValue).Select(m => m.Value.Value));
        Assert.Equal([ConversationContext.Empty, About(Iflb, Msm)], second.Messages.Where(m => m.Value.HasValue).Select(m => m.Value.Value));
    }

    [Fact]
    public void TrackConversation_Never_GivesTheInitialContextAndWaits()
    {
        var scheduler = new TestScheduler();
        var turns = scheduler.CreateHotObservable<ConversationTurn>();
        var results = scheduler.Start(() => turns.TrackConversation());
        results.Messages.AssertEqual(OnNext(200, ConversationContext.Empty));
        turns.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void TrackConversation_Empty_GivesTheInitialContextThenCompletes()
    {
        var scheduler = new TestScheduler();
        var turns = scheduler.CreateHotObservable(OnCompleted<ConversationTurn>(250));
        var results = scheduler.Start(() => turns.TrackConversation());
        results.Messages.AssertEqual(OnNext(200, ConversationContext.Empty), OnCompleted<ConversationContext>(250));
        turns.Subscriptions.AssertEqual(Subscribe(200, 250));
    }
}
