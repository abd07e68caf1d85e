using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Streams.Operators;
using Elex.Streams.Tests.Marbles;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class HandOffOperatorTests : ReactiveTest
{
    [Fact]
    public void HandOff_ArgumentChecking()
    {
        Assert.Throws<ArgumentNullException>(() => ((IObservable<int>)null!).HandOff(Scheduler.Immediate, 4));
        Assert.Throws<ArgumentNullException>(() => Observable.Empty<int>().HandOff(null!, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Observable.Empty<int>().HandOff(Scheduler.Immediate, 0));
    }

    [Fact]
    public void HandOff_DeliversEachNotificationOnTheScheduler_InOrder()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(OnNext(210, "a"), OnNext(220, "b"), OnCompleted<string>(230));
        var results = scheduler.Start(() => source.HandOff(scheduler, 4));
        // One tick later: each notification crosses to the scheduler's queue before it is delivered.
        results.Messages.AssertEqual(OnNext(211, "a"), OnNext(221, "b"), OnCompleted<string>(231));
        source.Subscriptions.AssertEqual(Subscribe(200, 230));
    }

    [Fact]
    public void HandOff_NothingLeavesUntilTheReceivingSideRuns_ThenAllInArrivalOrder()
    {
        var sender = new TestScheduler();
        var receiver = new TestScheduler();
        var source = sender.CreateHotObservable(OnNext(210, "a"), OnNext(220, "b"), OnNext(225, "c"), OnCompleted<string>(230));
        var observer = sender.CreateObserver<string>();
        using var subscription = source.HandOff(receiver, 4).Subscribe(observer);

        sender.AdvanceTo(300);
        Assert.Empty(observer.Messages);

        receiver.Start();
        observer.Messages.AssertEqual(OnNext(300, "a"), OnNext(300, "b"), OnNext(300, "c"), OnCompleted<string>(300));
    }

    [Fact]
    public void HandOff_AnErrorWhileItemsWait_LeavesAfterThem()
    {
        // Rx's ObserveOn alone would deliver the error first and drop "a" and "b": callers waiting for them would never hear.
        var sender = new TestScheduler();
        var receiver = new TestScheduler();
        var error = new InvalidOperationException("ingress broke");
        var source = sender.CreateHotObservable(OnNext(210, "a"), OnNext(220, "b"), OnError<string>(230, error), OnNext(240, "after"));
        var observer = sender.CreateObserver<string>();
        using var subscription = source.HandOff(receiver, 4).Subscribe(observer);

        sender.AdvanceTo(300);
        receiver.Start();
        observer.Messages.AssertEqual(OnNext(300, "a"), OnNext(300, "b"), OnError<string>(300, error));
    }

    [Fact]
    public void HandOff_Disposed_StopsDeliveringWhatStillWaits()
    {
        var sender = new TestScheduler();
        var receiver = new TestScheduler();
        var source = sender.CreateHotObservable(OnNext(210, "a"), OnNext(220, "b"));
        var observer = sender.CreateObserver<string>();
        var subscription = source.HandOff(receiver, 4).Subscribe(observer);

        sender.AdvanceTo(300);
        subscription.Dispose();
        receiver.Start();
        observer.Messages.AssertEqual();
        source.Subscriptions.AssertEqual(Subscribe(0, 300));
    }

    [Fact]
    public async Task HandOff_AFullQueue_HoldsTheSenderBack_UntilTheReceiverTakesOne()
    {
        const int capacity = 2;
        using var receiver = new EventLoopScheduler();
        using var gate = new ManualResetEventSlim(false);
        using var firstTaken = new ManualResetEventSlim(false);
        var source = new System.Reactive.Subjects.Subject<int>();
        var received = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var sent = 0;
        using var subscription = source.HandOff(receiver, capacity).Subscribe(x =>
        {
            firstTaken.Set();
            gate.Wait();
            received.Enqueue(x);
        });
        var sender = Task.Run(() =>
        {
            for (var i = 0; i < 10; i++)
            {
                Interlocked.Increment(ref sent);
                source.OnNext(i);
            }
        });
        Assert.True(firstTaken.Wait(TimeSpan.FromSeconds(10)));
        // The receiver holds one, two wait: the sender is stuck on the fourth with six still to send.
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref sent) >= capacity + 2, TimeSpan.FromSeconds(10)));
        Assert.Equal(capacity + 2, Volatile.Read(ref sent));
        Assert.False(sender.IsCompleted, "the sender was never held back");
        gate.Set();
        await sender.WaitAsync(TimeSpan.FromSeconds(10));
        source.OnCompleted();
        SpinWait.SpinUntil(() => received.Count == 10, TimeSpan.FromSeconds(10));
        Assert.Equal(Enumerable.Range(0, 10), received);
    }

    [Fact]
    public void HandOff_Never() => OperatorContract.AssertNever<int, int>((s, _) => s.HandOff(Scheduler.Immediate, 4));

    [Fact]
    public void HandOff_Empty() => OperatorContract.AssertEmpty<int, int>((s, _) => s.HandOff(Scheduler.Immediate, 4));
}
