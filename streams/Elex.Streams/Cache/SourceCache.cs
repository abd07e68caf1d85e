using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace Elex.Streams.Cache;

/// <summary>
/// A keyed observable cache in the spirit of DynamicData's SourceCache (DynamicData is not on
/// our package mirror): edits become change sets, and <see cref="Connect"/> streams them so
/// subscribers update incrementally instead of reloading.
/// </summary>
/// <remarks>
/// One lock guards the data and the subscriber list. Change sets are delivered under that lock,
/// so every subscriber sees them in edit order, and a new subscriber's snapshot and its first
/// live change set never overlap or leave a gap. Observers must therefore be quick and must not
/// edit the same cache from OnNext (that throws <see cref="InvalidOperationException"/>). The data
/// is committed before delivery: an observer that throws cannot corrupt the cache; its exception
/// reaches the caller of the edit.
/// </remarks>
public sealed class SourceCache<TObject, TKey> : IDisposable where TKey : notnull
{
    private readonly object _gate = new();
    private readonly Func<TObject, TKey> _keySelector;
    private readonly Dictionary<TKey, TObject> _data;
    private readonly List<Subscriber> _subscribers = [];
    private bool _delivering;
    private bool _disposed;

    /// <summary>Creates a cache keyed by <paramref name="keySelector"/>.</summary>
    public SourceCache(Func<TObject, TKey> keySelector, IEqualityComparer<TKey>? comparer = null)
    {
        _keySelector = keySelector ?? throw new ArgumentNullException(nameof(keySelector));
        _data = new Dictionary<TKey, TObject>(comparer);
    }

    /// <summary>Number of keys.</summary>
    public int Count
    {
        get { lock (_gate) return _data.Count; }
    }

    /// <summary>A snapshot of the values.</summary>
    public IReadOnlyList<TObject> Items
    {
        get { lock (_gate) return [.. _data.Values]; }
    }

    /// <summary>A snapshot of the keys.</summary>
    public IReadOnlyList<TKey> Keys
    {
        get { lock (_gate) return [.. _data.Keys]; }
    }

    /// <summary>Looks a key up.</summary>
    public bool TryGetValue(TKey key, out TObject value)
    {
        lock (_gate)
        {
            if (_data.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }
            value = default!;
            return false;
        }
    }

    /// <summary>Adds or replaces one item.</summary>
    public void AddOrUpdate(TObject item) => Edit(u => u.AddOrUpdate(item));

    /// <summary>Adds or replaces several items in one change set.</summary>
    public void AddOrUpdate(IEnumerable<TObject> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Edit(u => { foreach (var item in items) u.AddOrUpdate(item); });
    }

    /// <summary>Removes one key.</summary>
    public void Remove(TKey key) => Edit(u => u.Remove(key));

    /// <summary>Removes several keys in one change set.</summary>
    public void Remove(IEnumerable<TKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Edit(u => { foreach (var key in keys) u.Remove(key); });
    }

    /// <summary>Re-announces one key's value.</summary>
    public void Refresh(TKey key) => Edit(u => u.Refresh(key));

    /// <summary>Removes every key in one change set.</summary>
    public void Clear() => Edit(u => u.Clear());

    /// <summary>Applies several edits as one change set.</summary>
    public void Edit(Action<ICacheUpdater<TObject, TKey>> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_delivering) throw new InvalidOperationException("A SourceCache cannot be edited from inside one of its own change notifications.");
            var updater = new Updater(this);
            edit(updater);
            if (updater.Changes.Count == 0) return;
            Deliver(updater.Changes);
        }
    }

    /// <summary>
    /// Change sets from now on, preceded by the current contents as one set of Adds (when not
    /// empty). With a predicate, each subscriber sees only matching items: an Update that stops
    /// matching arrives as a Remove, one that starts matching as an Add.
    /// </summary>
    public IObservable<IChangeSet<TObject, TKey>> Connect(Func<TObject, bool>? predicate = null) =>
        Observable.Create<IChangeSet<TObject, TKey>>(observer =>
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    observer.OnCompleted();
                    return Disposable.Empty;
                }
                var subscriber = new Subscriber(observer, predicate);
                var initial = new List<Change<TObject, TKey>>();
                foreach (var (key, value) in _data)
                {
                    if (predicate is not null && !predicate(value)) continue;
                    subscriber.Visible?.Add(key);
                    initial.Add(Change<TObject, TKey>.Add(key, value));
                }
                if (initial.Count > 0) observer.OnNext(new ChangeSet<TObject, TKey>(initial));
                _subscribers.Add(subscriber);
                return Disposable.Create(() => { lock (_gate) _subscribers.Remove(subscriber); });
            }
        });

    /// <summary>The changes of one key (its current value first, as an Add, when present).</summary>
    public IObservable<Change<TObject, TKey>> Watch(TKey key) =>
        Connect().SelectMany(set => set.Where(c => EqualityComparer<TKey>.Default.Equals(c.Key, key)));

    /// <summary>Completes every subscriber; later edits throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Subscriber[] subscribers;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            subscribers = [.. _subscribers];
            _subscribers.Clear();
        }
        foreach (var s in subscribers) s.Observer.OnCompleted();
    }

    private void Deliver(List<Change<TObject, TKey>> changes)
    {
        _delivering = true;
        try
        {
            IChangeSet<TObject, TKey>? unfiltered = null;
            foreach (var subscriber in _subscribers.ToArray())
            {
                if (subscriber.Predicate is null)
                {
                    subscriber.Observer.OnNext(unfiltered ??= new ChangeSet<TObject, TKey>(changes));
                    continue;
                }
                var filtered = subscriber.Filter(changes);
                if (filtered.Count > 0) subscriber.Observer.OnNext(new ChangeSet<TObject, TKey>(filtered));
            }
        }
        finally
        {
            _delivering = false;
        }
    }

    private sealed class Subscriber(IObserver<IChangeSet<TObject, TKey>> observer, Func<TObject, bool>? predicate)
    {
        public IObserver<IChangeSet<TObject, TKey>> Observer { get; } = observer;
        public Func<TObject, bool>? Predicate { get; } = predicate;
        public HashSet<TKey>? Visible { get; } = predicate is null ? null : [];

        public List<Change<TObject, TKey>> Filter(List<Change<TObject, TKey>> changes)
        {
            var result = new List<Change<TObject, TKey>>();
            foreach (var c in changes)
            {
                var was = Visible!.Contains(c.Key);
                var matches = c.Reason != ChangeReason.Remove && Predicate!(c.Current);
                switch (c.Reason)
                {
                    case ChangeReason.Remove when was:
                        Visible.Remove(c.Key);
                        result.Add(c);
                        break;
                    case ChangeReason.Add or ChangeReason.Update when matches && !was:
                        Visible.Add(c.Key);
                        result.Add(Change<TObject, TKey>.Add(c.Key, c.Current));
                        break;
                    case ChangeReason.Update when matches:
                        result.Add(c);
                        break;
                    case ChangeReason.Update when was:
                        Visible.Remove(c.Key);
                        result.Add(Change<TObject, TKey>.Remove(c.Key, c.Previous!));
                        break;
                    case ChangeReason.Refresh when was && matches:
                        result.Add(c);
                        break;
                    case ChangeReason.Refresh when was:
                        Visible.Remove(c.Key);
                        result.Add(Change<TObject, TKey>.Remove(c.Key, c.Current));
                        break;
                    case ChangeReason.Refresh when matches:
                        Visible.Add(c.Key);
                        result.Add(Change<TObject, TKey>.Add(c.Key, c.Current));
                        break;
                }
            }
            return result;
        }
    }

    private sealed class Updater(SourceCache<TObject, TKey> cache) : ICacheUpdater<TObject, TKey>
    {
        public List<Change<TObject, TKey>> Changes { get; } = [];

        public void AddOrUpdate(TObject item)
        {
            var key = cache._keySelector(item);
            if (cache._data.TryGetValue(key, out var previous)) Changes.Add(Change<TObject, TKey>.Update(key, item, previous));
            else Changes.Add(Change<TObject, TKey>.Add(key, item));
            cache._data[key] = item;
        }

        public void Remove(TKey key)
        {
            if (cache._data.Remove(key, out var removed)) Changes.Add(Change<TObject, TKey>.Remove(key, removed));
        }

        public void Refresh(TKey key)
        {
            if (cache._data.TryGetValue(key, out var value)) Changes.Add(Change<TObject, TKey>.Refresh(key, value));
        }

        public void Clear()
        {
            foreach (var (key, value) in cache._data) Changes.Add(Change<TObject, TKey>.Remove(key, value));
            cache._data.Clear();
        }

        public bool TryGetValue(TKey key, out TObject value) => cache.TryGetValue(key, out value);
    }
}
