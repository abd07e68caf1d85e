using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Core.Learning;
using Elex.Streams.Operators;
using Elex.Streams.Tests.Marbles;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class SampleSyncOperatorTests : ReactiveTest
{
    private static readonly FeedbackResult Applied = new(Feedback.ForAgent("FAJ 121 3094", 1, true), FeedbackStatus.Applied, "learned", "agent-FAJ_121_3094");
    private static readonly FeedbackResult Unknown = new(Feedback.ForAgent("nope", 1, true), FeedbackStatus.UnknownAgent, "unknown");

    private static readonly Dictionary<char, FeedbackResult> Results = new() { ['a'] = Applied, ['u'] = Unknown };

    [Fact]
    public void SampleSync_ArgumentChecking()
    {
        var source = Observable.Never<FeedbackResult>();
        Func<CancellationToken, Task<int>> publish = _ => Task.FromResult(1);
        Assert.Throws<ArgumentNullException>(() => ((IObservable<FeedbackResult>)null!).SampleSync(TimeSpan.FromSeconds(1), publish, Scheduler.Immediate));
        Assert.Throws<ArgumentNullException>(() => source.SampleSync(TimeSpan.FromSeconds(1), null!, Scheduler.Immediate));
        Assert.Throws<ArgumentNullException>(() => source.SampleSync(TimeSpan.FromSeconds(1), publish, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.SampleSync(TimeSpan.Zero, publish, Scheduler.Immediate));
    }

    [Fact]
    public void SampleSync_Marbles_OnePublishPerIntervalWithLearning()
    {
        // Interval 4 frames: the burst in the first interval publishes once at frame 4; the second
        // interval saw only an unknown-agent result (nothing learned), so nothing is published at 8;
        // Rx's Sample hands on the last learning and the completion at the next tick (16).
        var marbles = new MarbleScheduler();
        var publishes = 0;
        var source = marbles.Hot("^a-a---u-----a-|", Results);
        var results = marbles.Run(() => source.SampleSync(marbles.Frames(4), _ => Task.FromResult(++publishes), marbles.Scheduler));
        marbles.ExpectObservable(results).ToBe("----1-----------(2|)", new Dictionary<char, int> { ['1'] = 1, ['2'] = 2 });
        Assert.Equal(2, publishes);
    }

    [Fact]
    public void SampleSync_Marbles_AFailedPublishIsSkipped_TheStreamGoesOn()
    {
        var marbles = new MarbleScheduler();
        var calls = 0;
        Task<int> Publish(CancellationToken _) => ++calls == 1 ? Task.FromException<int>(new IOException("relay gone")) : Task.FromResult(7);
        var source = marbles.Hot("^-a------a-|", Results);
        var results = marbles.Run(() => source.SampleSync(marbles.Frames(4), Publish, marbles.Scheduler));
        marbles.ExpectObservable(results).ToBe("------------(7|)", new Dictionary<char, int> { ['7'] = 7 });
        Assert.Equal(2, calls);
    }

    [Fact]
    public void SampleSync_SourceError_IsPassedOn()
    {
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^-a-#", Results);
        var results = marbles.Run(() => source.SampleSync(marbles.Frames(4), _ => Task.FromResult(1), marbles.Scheduler));
        marbles.ExpectObservable(results).ToBe("----(1#)", new Dictionary<char, int> { ['1'] = 1 });
    }

    [Fact]
    public void SampleSync_Never() => OperatorContract.AssertNever<FeedbackResult, int>((s, sch) => s.SampleSync(TimeSpan.FromTicks(40), _ => Task.FromResult(1), sch));

    [Fact]
    public void SampleSync_Empty_CompletesAtTheNextSampleWithoutPublishing()
    {
        // Rx's Sample ends on its next tick after the source ends (ticks every 40 from 200: 280).
        var scheduler = new TestScheduler();
        var publishes = 0;
        var source = scheduler.CreateHotObservable(OnCompleted<FeedbackResult>(250));
        var results = scheduler.Start(() => source.SampleSync(TimeSpan.FromTicks(40), _ => Task.FromResult(++publishes), scheduler));
        results.Messages.AssertEqual(OnCompleted<int>(280));
        source.Subscriptions.AssertEqual(Subscribe(200, 250));
        Assert.Equal(0, publishes);
    }
}
