namespace Elex.Streams.Cache;

/// <summary>
/// The updater passed to <see cref="SourceCache{TObject, TKey}.Edit"/>. Every operation made through it
/// is collected into one change set that is published when the edit callback returns. It is valid only
/// inside the callback and on the thread running it; afterwards every member throws
/// <see cref="InvalidOperationException"/>.
/// </summary>
/// <typeparam name="TObject">The type of the values.</typeparam>
/// <typeparam name="TKey">The type of the keys.</typeparam>
internal interface ICacheUpdater<TObject, TKey>
    where TKey : notnull
{
    /// <summary>Adds the item, or replaces the item with the same key (recorded as an Add or an Update).</summary>
    /// <param name="item">The item; not <see langword="null"/>.</param>
    void AddOrUpdate(TObject item);

    /// <summary>Adds or replaces each item, in order.</summary>
    /// <param name="items">The items; neither the sequence nor any item may be <see langword="null"/>.</param>
    void AddOrUpdate(IEnumerable<TObject> items);

    /// <summary>Removes the key if present (recorded as a Remove); does nothing for a missing key.</summary>
    /// <param name="key">The key.</param>
    void Remove(TKey key);

    /// <summary>Removes each key that is present, in order.</summary>
    /// <param name="keys">The keys.</param>
    void Remove(IEnumerable<TKey> keys);

    /// <summary>Records a Refresh for the key if present; does nothing for a missing key.</summary>
    /// <param name="key">The key.</param>
    void Refresh(TKey key);

    /// <summary>Removes every item (one Remove per item).</summary>
    void Clear();

    /// <summary>Looks up a key, seeing the operations already made in this edit.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether the key was found and, if so, its value.</returns>
    (bool Found, TObject? Value) Lookup(TKey key);
}
