using Elex.Streams.Tests.Marbles;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Core.Agents;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Streams.Operators;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class LearnOperatorTests : ReactiveTest
{
    private static (FeedbackLearner Learner, AgentRegistry Registry) NewLearner(string responseId)
    {
        var registry = new AgentRegistry(TestCatalog.Sample, learning: new QLearningOptions { Seed = 1 });
        var log = new ExperienceLog();
        var state = new LearningState(QueryType.Counter, Complexity.Simple, ConfidenceBucket.High, Maturity.Novice);
        log.Add(new Experience(responseId, Elex.Core.Catalog.FeatureCode.Parse("FAJ 121 3094"), state, ResponseAction.DirectAnswer, 0));
        return (new FeedbackLearner(registry, log), registry);
    }

    [Fact]
    public void Learn_ArgumentChecking()
    {
        var (learner, _) = NewLearner("r1");
        Assert.Throws<ArgumentNullException>(() => ((IObservable<Feedback>)null!).Learn(learner, Scheduler.Immediate));
        Assert.Throws<ArgumentNullException>(() => Observable.Empty<Feedback>().Learn(null!, Scheduler.Immediate));
        Assert.Throws<ArgumentNullException>(() => Observable.Empty<Feedback>().Learn(learner, null!));
    }

    [Fact]
    public void Learn_Regular_OneResultPerFeedbackInOrder()
    {
        var scheduler = new TestScheduler();
        var (learner, registry) = NewLearner("r1");
        var source = scheduler.CreateHotObservable(
            OnNext(210, Feedback.ForResponse("r1", 1f, true)),
            OnNext(220, Feedback.ForResponse("nope", 1f, true)),
            OnNext(230, Feedback.ForResponse("r1", 2f, true)),
            OnCompleted<Feedback>(300));

        var results = scheduler.Start(() => source.Learn(learner, scheduler).Select(r => r.Status));

        results.Messages.AssertEqual(
            OnNext(210, FeedbackStatus.Applied),
            OnNext(220, FeedbackStatus.UnknownResponse),
            OnNext(230, FeedbackStatus.InvalidReward),
            OnCompleted<FeedbackStatus>(300));
        source.Subscriptions.AssertEqual(Subscribe(200, 300));
        Assert.Equal(1, registry.LearnerFor(Elex.Core.Catalog.FeatureCode.Parse("FAJ 121 3094"))!.Interactions);
    }

    [Fact]
    public void Learn_Error_PassesThrough()
    {
        var scheduler = new TestScheduler();
        var (learner, _) = NewLearner("r1");
        var error = new InvalidOperationException("feedback source broke");
        var source = scheduler.CreateHotObservable(OnNext(210, Feedback.ForResponse("r1", 1f, true)), OnError<Feedback>(220, error));
        var results = scheduler.Start(() => source.Learn(learner, scheduler).Select(r => r.Status));
        results.Messages.AssertEqual(OnNext(210, FeedbackStatus.Applied), OnError<FeedbackStatus>(220, error));
    }

    [Fact]
    public void Learn_Never()
    {
        var scheduler = new TestScheduler();
        var (learner, _) = NewLearner("r1");
        var source = scheduler.CreateHotObservable<Feedback>();
        var results = scheduler.Start(() => source.Learn(learner, scheduler));
        results.Messages.AssertEqual();
        source.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void Learn_Marbles()
    {
        var marbles = new MarbleScheduler();
        var scheduler = marbles.Scheduler;
        var (learner, _) = NewLearner("r1");
        var feedback = new Dictionary<char, Feedback> { ['g'] = Feedback.ForResponse("r1", 1f, true), ['u'] = Feedback.ForResponse("zz", 1f, true) };
        var outcomes = new Dictionary<char, FeedbackStatus> { ['A'] = FeedbackStatus.Applied, ['U'] = FeedbackStatus.UnknownResponse };
        var source = marbles.Hot("^-g-u-|", feedback);
        var results = marbles.Run(() => source.Learn(learner, scheduler).Select(r => r.Status));
        marbles.ExpectObservable(results).ToBe("--A-U-|", outcomes);
    }

    [Fact]
    public void Learn_Empty() => OperatorContract.AssertEmpty<Feedback, FeedbackResult>((s, sch) => s.Learn(NewLearner("r1").Learner, sch));
}
