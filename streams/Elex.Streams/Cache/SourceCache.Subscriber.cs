namespace Elex.Streams.Cache;

internal sealed partial class SourceCache<TObject, TKey>
    where TKey : notnull
{
    // One subscription of Connect. Deliver and Complete run under the cache lock; Dispose does not take it.
    private sealed class Subscriber(SourceCache<TObject, TKey> owner, IObserver<IChangeSet<TObject, TKey>> observer) : IDisposable
    {
        private int _disposed;

        public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(this);
            }
        }

        // Each method returns the exception thrown by the observer, if any; the subscriber is then detached.
        public Exception? Deliver(ChangeSet<TObject, TKey> changes)
        {
            try
            {
                observer.OnNext(changes);
                return null;
            }
            catch (Exception ex)
            {
                Dispose();
                return ex;
            }
        }

        public Exception? Complete()
        {
            Dispose();
            try
            {
                observer.OnCompleted();
                return null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }
    }
}
