using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Marbles;

/// <summary>
/// What every operator owes a source that never emits or completes at once (Rx.NET's <c>_Never</c>
/// and <c>_Empty</c> cases): no value invented, the terminal passed on at its time, and the
/// subscription to the source held exactly as long as it should be.
/// </summary>
internal static class OperatorContract
{
    /// <summary>A silent source: nothing comes out, and the source stays subscribed until disposal (1000).</summary>
    public static void AssertNever<TIn, TOut>(Func<IObservable<TIn>, TestScheduler, IObservable<TOut>> apply)
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable<TIn>();
        var results = scheduler.Start(() => apply(source, scheduler));
        results.Messages.AssertEqual();
        source.Subscriptions.AssertEqual(ReactiveTest.Subscribe(200, 1000));
    }

    /// <summary>A source that completes without a value: the operator completes at the same time and lets go of it.</summary>
    public static void AssertEmpty<TIn, TOut>(Func<IObservable<TIn>, TestScheduler, IObservable<TOut>> apply)
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(ReactiveTest.OnCompleted<TIn>(250));
        var results = scheduler.Start(() => apply(source, scheduler));
        results.Messages.AssertEqual(ReactiveTest.OnCompleted<TOut>(250));
        source.Subscriptions.AssertEqual(ReactiveTest.Subscribe(200, 250));
    }
}
