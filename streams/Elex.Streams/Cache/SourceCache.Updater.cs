namespace Elex.Streams.Cache;

internal sealed partial class SourceCache<TObject, TKey>
    where TKey : notnull
{
    private sealed class Updater(SourceCache<TObject, TKey> owner) : ICacheUpdater<TObject, TKey>
    {
        private bool _closed;

        public ChangeSet<TObject, TKey> Changes { get; } = new();

        public void AddOrUpdate(TObject item)
        {
            ThrowIfNotUsable();
            ArgumentNullException.ThrowIfNull(item);
            var key = owner._keySelector(item)
                ?? throw new InvalidOperationException("The key selector returned null.");
            if (owner._items.TryGetValue(key, out var existing))
            {
                owner._items[key] = existing with { Value = item };
                Changes.Add(Change<TObject, TKey>.Update(existing.Key, item, existing.Value));
            }
            else
            {
                owner._items.Add(key, new Entry(key, item));
                Changes.Add(Change<TObject, TKey>.Add(key, item));
            }
        }

        public void AddOrUpdate(IEnumerable<TObject> items)
        {
            ThrowIfNotUsable();
            ArgumentNullException.ThrowIfNull(items);
            foreach (var item in items)
            {
                AddOrUpdate(item);
            }
        }

        public void Remove(TKey key)
        {
            ThrowIfNotUsable();
            ArgumentNullException.ThrowIfNull(key);
            if (owner._items.Remove(key, out var removed))
            {
                Changes.Add(Change<TObject, TKey>.Remove(removed.Key, removed.Value));
            }
        }

        public void Remove(IEnumerable<TKey> keys)
        {
            ThrowIfNotUsable();
            ArgumentNullException.ThrowIfNull(keys);
            foreach (var key in keys)
            {
                Remove(key);
            }
        }

        public void Refresh(TKey key)
        {
            ThrowIfNotUsable();
            ArgumentNullException.ThrowIfNull(key);
            if (owner._items.TryGetValue(key, out var entry))
            {
                Changes.Add(Change<TObject, TKey>.Refresh(entry.Key, entry.Value));
            }
        }

        public void Clear()
        {
            ThrowIfNotUsable();
            foreach (var entry in owner._items.Values)
            {
                Changes.Add(Change<TObject, TKey>.Remove(entry.Key, entry.Value));
            }

            owner._items.Clear();
        }

        public (bool Found, TObject? Value) Lookup(TKey key)
        {
            ThrowIfNotUsable();
            ArgumentNullException.ThrowIfNull(key);
            return owner._items.TryGetValue(key, out var entry) ? (true, entry.Value) : (false, default);
        }

        public void Close() => _closed = true;

        // Undo in reverse order; the recorded changes carry everything needed.
        public void Rollback()
        {
            for (var i = Changes.Count - 1; i >= 0; i--)
            {
                var change = Changes[i];
                switch (change.Reason)
                {
                    case ChangeReason.Add:
                        owner._items.Remove(change.Key);
                        break;
                    case ChangeReason.Update:
                        owner._items[change.Key] = new Entry(change.Key, change.Previous!);
                        break;
                    case ChangeReason.Remove:
                        owner._items[change.Key] = new Entry(change.Key, change.Current);
                        break;
                }
            }
        }

        private void ThrowIfNotUsable()
        {
            if (_closed || !owner._gate.IsHeldByCurrentThread)
            {
                throw new InvalidOperationException("The updater can only be used inside its Edit callback, on the thread running it.");
            }

            ObjectDisposedException.ThrowIf(owner._disposed, owner);
        }
    }
}
