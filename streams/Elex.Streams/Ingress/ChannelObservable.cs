using System.Reactive.Linq;
using System.Threading.Channels;

namespace Elex.Streams.Ingress;

/// <summary>Bridges a bounded channel (producers' backpressure) into the observable graph.</summary>
internal static class ChannelObservable
{
    /// <summary>
    /// Emits every item read from the channel, in order, from a single reading loop; completes
    /// when the channel's writer completes, errors when it completes with an exception, and stops
    /// reading when the subscription is disposed. Each subscription is its own reader: subscribe
    /// once (e.g. through Publish) when items must not be split between subscribers.
    /// </summary>
    public static IObservable<T> ToObservable<T>(this ChannelReader<T> reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Observable.Create<T>(async (observer, cancellation) =>
        {
            try
            {
                while (await reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
                {
                    while (!cancellation.IsCancellationRequested && reader.TryRead(out var item)) observer.OnNext(item);
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (ChannelClosedException e) when (e.InnerException is not null)
            {
                observer.OnError(e.InnerException);
                return;
            }
            catch (Exception e) when (e is not ChannelClosedException)
            {
                observer.OnError(e);
                return;
            }
            observer.OnCompleted();
        });
    }
}
