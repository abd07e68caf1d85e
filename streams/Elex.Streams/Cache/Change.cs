namespace Elex.Streams.Cache;

/// <summary>
/// One keyed change. The factory methods enforce the rules: only an Update carries a previous
/// value; a Remove carries the removed value as <see cref="Current"/>.
/// </summary>
public readonly struct Change<TObject, TKey> : IEquatable<Change<TObject, TKey>> where TKey : notnull
{
    private Change(ChangeReason reason, TKey key, TObject current, bool hasPrevious, TObject? previous)
    {
        Reason = reason;
        Key = key;
        Current = current;
        HasPrevious = hasPrevious;
        Previous = previous;
    }

    /// <summary>Why it changed.</summary>
    public ChangeReason Reason { get; }
    /// <summary>The key.</summary>
    public TKey Key { get; }
    /// <summary>The value after the change (the removed value for a Remove).</summary>
    public TObject Current { get; }
    /// <summary>True for an Update.</summary>
    public bool HasPrevious { get; }
    /// <summary>The value before an Update.</summary>
    public TObject? Previous { get; }

    /// <summary>A new key.</summary>
    public static Change<TObject, TKey> Add(TKey key, TObject current) => new(ChangeReason.Add, key, current, false, default);
    /// <summary>A replaced value.</summary>
    public static Change<TObject, TKey> Update(TKey key, TObject current, TObject previous) => new(ChangeReason.Update, key, current, true, previous);
    /// <summary>A removed key.</summary>
    public static Change<TObject, TKey> Remove(TKey key, TObject removed) => new(ChangeReason.Remove, key, removed, false, default);
    /// <summary>A re-announced value.</summary>
    public static Change<TObject, TKey> Refresh(TKey key, TObject current) => new(ChangeReason.Refresh, key, current, false, default);

    /// <inheritdoc />
    public bool Equals(Change<TObject, TKey> other) =>
        Reason == other.Reason && EqualityComparer<TKey>.Default.Equals(Key, other.Key)
        && EqualityComparer<TObject>.Default.Equals(Current, other.Current)
        && HasPrevious == other.HasPrevious && EqualityComparer<TObject?>.Default.Equals(Previous, other.Previous);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Change<TObject, TKey> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Reason, Key, Current, Previous);

    /// <inheritdoc />
    public override string ToString() => HasPrevious ? $"{Reason} {Key}: {Previous} -> {Current}" : $"{Reason} {Key}: {Current}";

    /// <summary>Equality operator.</summary>
    public static bool operator ==(Change<TObject, TKey> left, Change<TObject, TKey> right) => left.Equals(right);
    /// <summary>Inequality operator.</summary>
    public static bool operator !=(Change<TObject, TKey> left, Change<TObject, TKey> right) => !left.Equals(right);
}
