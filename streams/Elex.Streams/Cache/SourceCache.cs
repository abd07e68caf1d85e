using System.Reactive.Linq;

namespace Elex.Streams.Cache;

/// <summary>
/// An observable keyed collection that publishes each <see cref="AddOrUpdate"/> as a change set
/// (<see cref="IChangeSet{TObject, TKey}"/>), a small stand-in for DynamicData's <c>SourceCache</c>.
/// </summary>
/// <remarks>
/// <para><b>Atomic edits.</b> One lock guards the state; every member may be called from any thread. An
/// <see cref="AddOrUpdate"/> either fails before changing anything (a null item, a key selector that throws
/// or returns <see langword="null"/>, a disposed cache) or commits and is published as one change set.</para>
/// <para><b>Delivery.</b> Change sets are delivered synchronously <em>under the lock</em>, so every subscriber
/// sees them in commit order, and <see cref="Connect"/> takes its snapshot and joins in the same critical
/// section, so no change is missed or seen twice. An edit or <see cref="Connect"/> made from <c>OnNext</c>
/// (the lock is reentrant) commits at once, but its change set is queued behind the one being delivered.
/// A subscriber must not block on another thread that uses the cache: that deadlocks. A subscription disposed
/// from another thread may still receive the change set in flight.</para>
/// <para><b>Faulty subscribers.</b> The state changes before anyone is notified, so a subscriber cannot
/// corrupt it. A subscriber whose <c>OnNext</c> throws is detached and the others still receive the change
/// set; the exception goes to <c>subscriberFault</c>, or without one is rethrown to the editor once every
/// queued change set is delivered (an <see cref="AggregateException"/> if several threw), the edit staying
/// committed.</para>
/// </remarks>
/// <typeparam name="TObject">The type of the items.</typeparam>
/// <typeparam name="TKey">The type of the keys.</typeparam>
internal sealed partial class SourceCache<TObject, TKey> : IDisposable
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Func<TObject, TKey> _keySelector;
    private readonly Dictionary<TKey, TObject> _items = [];
    private readonly Action<Exception>? _subscriberFault;
    private readonly Queue<Delivery> _pending = new();

    // Copy-on-write; replaced with Interlocked so that disposing a subscription never needs the lock.
    private Subscriber[] _subscribers = [];
    private bool _disposed;
    private bool _delivering;

    /// <summary>Creates an empty cache.</summary>
    /// <param name="keySelector">Gets the key of an item; must not return <see langword="null"/>.</param>
    /// <param name="subscriberFault">
    /// Receives what a subscriber threw (that subscriber is detached either way). With it, an edit never
    /// fails because of a subscriber; without it, the edit rethrows once every change set is delivered.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="keySelector"/> is <see langword="null"/>.</exception>
    public SourceCache(Func<TObject, TKey> keySelector, Action<Exception>? subscriberFault = null)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        _keySelector = keySelector;
        _subscriberFault = subscriberFault;
    }

    /// <summary>Adds the item, or replaces the item with the same key; publishes one Add or Update.</summary>
    /// <param name="item">The item.</param>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The key selector returned <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException">The cache is disposed.</exception>
    public void AddOrUpdate(TObject item)
    {
        ArgumentNullException.ThrowIfNull(item);

        // Outside the lock: the selector is the caller's code, and whatever it does happens before anything changes.
        var key = _keySelector(item) ?? throw new InvalidOperationException("The key selector returned null.");
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var changes = new ChangeSet<TObject, TKey>(1);
            changes.Add(_items.TryGetValue(key, out var previous)
                ? Change<TObject, TKey>.Update(key, item, previous)
                : Change<TObject, TKey>.Add(key, item));
            _items[key] = item;
            _pending.Enqueue(new Delivery(changes, Volatile.Read(ref _subscribers)));
            DrainIfIdle();
        }
    }

    /// <summary>
    /// The changes of the cache. A new subscriber first receives the current contents as one change set of
    /// Adds (nothing if the cache is empty), then every later change set. Subscribing after
    /// <see cref="Dispose"/> completes at once.
    /// </summary>
    /// <returns>The change sets; they complete when the cache is disposed.</returns>
    public IObservable<IChangeSet<TObject, TKey>> Connect() =>
        Observable.Create<IChangeSet<TObject, TKey>>(Subscribe);

    /// <summary>
    /// Completes every subscriber's stream (after the change sets already committed have been delivered).
    /// Afterwards edits throw <see cref="ObjectDisposedException"/>. Calling it again does nothing.
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
}
