using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace Elex.Streams.Operators;

/// <summary>The hand-off from the routing side of the query graph to the answering side.</summary>
internal static class HandOffOperator
{
    /// <summary>
    /// Delivers every notification of <paramref name="source"/> on <paramref name="scheduler"/>, in
    /// the order they arrived, the end of the stream included. Rx's ObserveOn alone lets an error
    /// overtake items still queued (they would be dropped and their callers never answered), so the
    /// notifications travel materialised and an error leaves only after the items before it.
    /// At most <paramref name="capacity"/> items wait: the sending side then waits in its OnNext until
    /// the receiving side has taken one, so a slow receiver holds the sender — and, through the
    /// bounded ingress, the producers — back instead of queueing without bound. Disposing the
    /// subscription releases a waiting sender (its item is dropped with the subscription).
    /// </summary>
    public static IObservable<T> HandOff<T>(this IObservable<T> source, IScheduler scheduler, int capacity)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return Observable.Create<T>(observer =>
        {
            var room = new SemaphoreSlim(capacity, capacity);
            var stop = new CancellationTokenSource();
            var subscription = source
                .Where(_ => TakeRoom(room, stop.Token))
                .Materialize()
                .ObserveOn(scheduler)
                .Dematerialize()
                .Subscribe(
                    item =>
                    {
                        room.Release();
                        observer.OnNext(item);
                    },
                    observer.OnError,
                    observer.OnCompleted);
            return Disposable.Create(() =>
            {
                stop.Cancel();
                subscription.Dispose();
                stop.Dispose();
            });
        });
    }

    // Waits for room; false (the item goes nowhere) once the subscription is being disposed.
    private static bool TakeRoom(SemaphoreSlim room, CancellationToken stop)
    {
        try
        {
            room.Wait(stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
