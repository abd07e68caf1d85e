using System.Reactive.Linq;

namespace Elex.Streams.Cache;

/// <summary>
/// An observable keyed collection that publishes its edits as change sets (<see cref="IChangeSet{TObject, TKey}"/>),
/// a small equivalent of DynamicData's <c>SourceCache</c>.
/// </summary>
/// <remarks>
/// <para><b>Thread safety.</b> Every member may be called from any thread. One lock guards the state.
/// An edit is applied and published atomically: it either commits completely and is published as one
/// change set, or (when the edit callback, the key selector or an argument check throws) it is rolled back
/// and nothing is published.</para>
/// <para><b>Delivery.</b> Notifications are delivered synchronously <em>under the lock</em>, on the thread
/// that made the edit, so every subscriber sees the change sets in the order the edits were committed, and
/// <see cref="Connect"/> takes its snapshot and joins the subscriber list in the same critical section, so no
/// change is missed or seen twice. Other threads that edit or subscribe wait until delivery finishes.
/// A subscriber may call back into the cache from <c>OnNext</c> (the lock is reentrant): reads see the
/// committed state; an edit is committed at once but its change set is queued and delivered, to every
/// subscriber, after the change set being delivered now. A subscriber must not block on another thread that
/// uses the cache (that deadlocks). Disposing a subscription from inside <c>OnNext</c> stops delivery at once;
/// disposing it from another thread may still let one in-flight change set through.</para>
/// <para><b>Faulty subscribers.</b> The state is changed before any subscriber is notified, so a subscriber
/// cannot corrupt it. If a subscriber's <c>OnNext</c> throws, that subscriber is detached (it receives nothing
/// more), the remaining subscribers still receive the change set, and after delivery the exception is rethrown
/// to the caller of the edit (an <see cref="AggregateException"/> if several subscribers threw). The edit
/// stays committed even though the call threw. If a <see cref="Connect"/> predicate throws, only that
/// subscriber receives <c>OnError</c> and is detached; the edit does not throw.</para>
/// <para><b>Keys.</b> Changes always carry the key stored when the item was first added, so downstream
/// operators that key by <see cref="EqualityComparer{T}.Default"/> stay consistent even with a custom comparer.</para>
/// </remarks>
/// <typeparam name="TObject">The type of the items.</typeparam>
/// <typeparam name="TKey">The type of the keys.</typeparam>
internal sealed partial class SourceCache<TObject, TKey> : IDisposable
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Func<TObject, TKey> _keySelector;
    private readonly IEqualityComparer<TKey> _comparer;
    private readonly Dictionary<TKey, Entry> _items;
    private readonly Action<Exception>? _subscriberFault;
    private readonly Queue<Delivery> _pending = new();

    // Copy-on-write; replaced with Interlocked so that disposing a subscription never needs the lock.
    private Subscriber[] _subscribers = [];
    private bool _disposed;
    private bool _editing;
    private bool _delivering;

    /// <summary>Creates an empty cache.</summary>
    /// <param name="keySelector">Gets the key of an item; must not return <see langword="null"/>.</param>
    /// <param name="keyComparer">Compares keys; <see cref="EqualityComparer{T}.Default"/> when <see langword="null"/>.</param>
    /// <param name="subscriberFault">
    /// Receives what a subscriber threw (that subscriber is detached either way). With it, an edit never
    /// fails because of a subscriber; without it, the edit rethrows once every change set is delivered.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="keySelector"/> is <see langword="null"/>.</exception>
    public SourceCache(Func<TObject, TKey> keySelector, IEqualityComparer<TKey>? keyComparer = null, Action<Exception>? subscriberFault = null)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        _subscriberFault = subscriberFault;
        _keySelector = keySelector;
        _comparer = keyComparer ?? EqualityComparer<TKey>.Default;
        _items = new Dictionary<TKey, Entry>(_comparer);
    }

    /// <summary>The number of items.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>A snapshot of the items, in no particular order.</summary>
    public IReadOnlyList<TObject> Items
    {
        get
        {
            lock (_gate)
            {
                var items = new TObject[_items.Count];
                var i = 0;
                foreach (var entry in _items.Values)
                {
                    items[i++] = entry.Value;
                }

                return items;
            }
        }
    }

    /// <summary>A snapshot of the keys, in no particular order.</summary>
    public IReadOnlyList<TKey> Keys
    {
        get
        {
            lock (_gate)
            {
                var keys = new TKey[_items.Count];
                var i = 0;
                foreach (var entry in _items.Values)
                {
                    keys[i++] = entry.Key;
                }

                return keys;
            }
        }
    }

    /// <summary>Looks up a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether the key was found and, if so, its value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public (bool Found, TObject? Value) Lookup(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return _items.TryGetValue(key, out var entry) ? (true, entry.Value) : (false, default);
        }
    }

    /// <summary>Adds the item, or replaces the item with the same key; publishes one Add or Update.</summary>
    /// <param name="item">The item.</param>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException">The cache is disposed.</exception>
    public void AddOrUpdate(TObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        EditCore(item, static (u, i) => u.AddOrUpdate(i));
    }

    /// <summary>Adds or replaces each item; publishes them as one change set.</summary>
    /// <param name="items">The items.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or one of its items is <see langword="null"/> (nothing is changed).</exception>
    /// <exception cref="ObjectDisposedException">The cache is disposed.</exception>
    public void AddOrUpdate(IEnumerable<TObject> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        EditCore(items, static (u, i) => u.AddOrUpdate(i));
    }

    /// <summary>Removes the key; publishes one Remove carrying the removed item, or nothing if the key is missing.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException">The cache is disposed.</exception>
    public void Remove(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        EditCore(key, static (u, k) => u.Remove(k));
    }

    /// <summary>Removes the keys that are present; publishes their Removes as one change set.</summary>
    /// <param name="keys">The keys.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> or one of its keys is <see langword="null"/> (nothing is changed).</exception>
    /// <exception cref="ObjectDisposedException">The cache is disposed.</exception>
    public void Remove(IEnumerable<TKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        EditCore(keys, static (u, k) => u.Remove(k));
    }

    /// <summary>Publishes a Refresh for the key (so downstream filters re-evaluate it), or nothing if the key is missing.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException">The cache is disposed.</exception>
    public void Refresh(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        EditCore(key, static (u, k) => u.Refresh(k));
    }

    /// <summary>Removes every item; publishes one change set with a Remove per item, or nothing if the cache is empty.</summary>
    /// <exception cref="ObjectDisposedException">The cache is disposed.</exception>
    public void Clear() => EditCore<object?>(null, static (u, _) => u.Clear());

    /// <summary>
    /// Runs several operations as one batch and publishes them as <em>one</em> change set, in the order they
    /// were made (changes to the same key are not merged). If <paramref name="updateAction"/> throws, every
    /// operation is rolled back, nothing is published and the exception propagates. Nothing is published if the
    /// batch makes no change. The callback runs under the cache lock; it must not edit the cache directly or
    /// subscribe to it (<see cref="InvalidOperationException"/>), only through the updater.
    /// </summary>
    /// <param name="updateAction">The batch.</param>
    /// <exception cref="ArgumentNullException"><paramref name="updateAction"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException">The cache is disposed.</exception>
    /// <exception cref="InvalidOperationException">Called from inside another edit callback.</exception>
    public void Edit(Action<ICacheUpdater<TObject, TKey>> updateAction)
    {
        ArgumentNullException.ThrowIfNull(updateAction);
        EditCore(updateAction, static (u, a) => a(u));
    }

    /// <summary>
    /// The changes of the cache. A new subscriber first receives the current contents as one change set of
    /// Adds (nothing if the cache, or the filtered view, is empty), then every later change set. With a
    /// <paramref name="predicate"/>, each subscriber sees only the matching items: an Update or Refresh whose
    /// value stops matching becomes a Remove, one that starts matching becomes an Add, and change sets that
    /// filter down to nothing are not emitted. Subscribing after <see cref="Dispose"/> completes at once.
    /// </summary>
    /// <param name="predicate">Optional filter, evaluated under the cache lock; if it throws, that subscriber gets <c>OnError</c>.</param>
    /// <returns>The change sets; they complete when the cache is disposed.</returns>
    public IObservable<IChangeSet<TObject, TKey>> Connect(Func<TObject, bool>? predicate = null) =>
        Observable.Create<IChangeSet<TObject, TKey>>(observer => Subscribe(observer, predicate));

    /// <summary>
    /// The changes of one key: its current value as an Add if present, then each Add, Update, Remove and
    /// Refresh of that key. Completes when the cache is disposed.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <returns>The changes of the key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public IObservable<Change<TObject, TKey>> Watch(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Observable.Create<Change<TObject, TKey>>(observer => Connect().Subscribe(
            changes =>
            {
                foreach (var change in changes)
                {
                    if (_comparer.Equals(change.Key, key))
                    {
                        observer.OnNext(change);
                    }
                }
            },
            observer.OnError,
            observer.OnCompleted));
    }

    /// <summary>
    /// Completes every subscriber's stream (after the change sets already committed have been delivered).
    /// Afterwards edits throw <see cref="ObjectDisposedException"/>; reads keep returning the final contents.
    /// Calling it again does nothing.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _pending.Enqueue(new Delivery(null, Interlocked.Exchange(ref _subscribers, [])));
            DrainIfIdle();
        }
    }

    private void EditCore<TState>(TState state, Action<Updater, TState> action)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_editing)
            {
                throw new InvalidOperationException("The cache cannot be edited from inside an Edit callback; use the updater.");
            }

            var updater = new Updater(this);
            _editing = true;
            try
            {
                action(updater, state);
                ObjectDisposedException.ThrowIf(_disposed, this); // disposed from inside the callback
            }
            catch
            {
                updater.Rollback();
                throw;
            }
            finally
            {
                updater.Close();
                _editing = false;
            }

            if (updater.Changes.Count == 0)
            {
                return;
            }

            _pending.Enqueue(new Delivery(updater.Changes, Volatile.Read(ref _subscribers)));
            DrainIfIdle();
        }
    }

    private readonly record struct Entry(TKey Key, TObject Value);
}

