namespace Elex.Streams.Cache;

/// <summary>The edits allowed inside <see cref="SourceCache{TObject, TKey}.Edit"/>; all become one change set.</summary>
public interface ICacheUpdater<TObject, TKey> where TKey : notnull
{
    /// <summary>Adds or replaces the item under its key.</summary>
    void AddOrUpdate(TObject item);
    /// <summary>Removes a key (nothing happens when it is absent).</summary>
    void Remove(TKey key);
    /// <summary>Re-announces a key's value (nothing happens when it is absent).</summary>
    void Refresh(TKey key);
    /// <summary>Removes every key.</summary>
    void Clear();
    /// <summary>Looks a key up, seeing the edits made so far.</summary>
    bool TryGetValue(TKey key, out TObject value);
}
