using System.Reactive.Concurrency;
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
    /// </summary>
    public static IObservable<T> HandOff<T>(this IObservable<T> source, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        return source.Materialize().ObserveOn(scheduler).Dematerialize();
    }
}
