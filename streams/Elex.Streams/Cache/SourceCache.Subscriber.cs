namespace Elex.Streams.Cache;

internal sealed partial class SourceCache<TObject, TKey>
    where TKey : notnull
{
    // One subscription of Connect. Deliver/Complete/Fail run under the cache lock; Dispose does not take it.
    private sealed class Subscriber(
        SourceCache<TObject, TKey> owner,
        IObserver<IChangeSet<TObject, TKey>> observer,
        Func<TObject, bool>? predicate) : IDisposable
    {
        // Keys this subscriber currently sees, when filtered.
        private readonly HashSet<TKey>? _visible = predicate is null ? null : new HashSet<TKey>(owner._comparer);
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
            IChangeSet<TObject, TKey> visible;
            try
            {
                visible = Filter(changes);
            }
            catch (Exception ex)
            {
                return Fail(ex);
            }

            if (visible.Count == 0)
            {
                return null;
            }

            try
            {
                observer.OnNext(visible);
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

        public Exception? Fail(Exception error)
        {
            Dispose();
            try
            {
                observer.OnError(error);
                return null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }

        private IChangeSet<TObject, TKey> Filter(ChangeSet<TObject, TKey> changes)
        {
            if (predicate is null || _visible is null)
            {
                return changes;
            }

            var result = new ChangeSet<TObject, TKey>();
            foreach (var change in changes)
            {
                var key = change.Key;
                var wasVisible = _visible.Contains(key);
                switch (change.Reason)
                {
                    case ChangeReason.Add:
                        if (predicate(change.Current))
                        {
                            _visible.Add(key);
                            result.Add(change);
                        }

                        break;
                    case ChangeReason.Update:
                        if (predicate(change.Current))
                        {
                            result.Add(wasVisible ? change : Change<TObject, TKey>.Add(key, change.Current));
                            _visible.Add(key);
                        }
                        else if (wasVisible)
                        {
                            // The subscriber's view held the previous value; that is what leaves it.
                            _visible.Remove(key);
                            result.Add(Change<TObject, TKey>.Remove(key, change.Previous!));
                        }

                        break;
                    case ChangeReason.Remove:
                        if (_visible.Remove(key))
                        {
                            result.Add(change);
                        }

                        break;
                    case ChangeReason.Refresh:
                        if (predicate(change.Current))
                        {
                            result.Add(wasVisible ? change : Change<TObject, TKey>.Add(key, change.Current));
                            _visible.Add(key);
                        }
                        else if (wasVisible)
                        {
                            _visible.Remove(key);
                            result.Add(Change<TObject, TKey>.Remove(key, change.Current));
                        }

                        break;
                }
            }

            return result;
        }
    }
}
