using System.Globalization;

namespace Elex.Streams.Cache;

/// <summary>
/// One keyed change of a cache. The constructors enforce the shape of each
/// <see cref="ChangeReason"/>: an <see cref="ChangeReason.Update"/> always carries the previous value,
/// an <see cref="ChangeReason.Add"/>, <see cref="ChangeReason.Remove"/> or <see cref="ChangeReason.Refresh"/>
/// never does, and a <see cref="ChangeReason.Remove"/> carries the removed value as <see cref="Current"/>.
/// </summary>
/// <remarks><c>default(Change&lt;TObject, TKey&gt;)</c> is not a valid change (its key is <see langword="null"/>).</remarks>
/// <typeparam name="TObject">The type of the values.</typeparam>
/// <typeparam name="TKey">The type of the keys.</typeparam>
public readonly struct Change<TObject, TKey> : IEquatable<Change<TObject, TKey>>
    where TKey : notnull
{
    /// <summary>Creates an <see cref="ChangeReason.Add"/>, <see cref="ChangeReason.Remove"/> or <see cref="ChangeReason.Refresh"/> change.</summary>
    /// <param name="reason">The reason; must not be <see cref="ChangeReason.Update"/>.</param>
    /// <param name="key">The key.</param>
    /// <param name="current">The added or refreshed value, or the removed value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is <see cref="ChangeReason.Update"/> (an update needs its previous value).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined value.</exception>
    public Change(ChangeReason reason, TKey key, TObject current)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (reason == ChangeReason.Update)
        {
            throw new ArgumentException("An Update change must carry the previous value.", nameof(reason));
        }

        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown change reason.");
        }

        Reason = reason;
        Key = key;
        Current = current;
        HasPrevious = false;
        Previous = default;
    }

    /// <summary>Creates an <see cref="ChangeReason.Update"/> change.</summary>
    /// <param name="reason">The reason; must be <see cref="ChangeReason.Update"/>.</param>
    /// <param name="key">The key.</param>
    /// <param name="current">The new value.</param>
    /// <param name="previous">The value that was replaced.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is not <see cref="ChangeReason.Update"/> (only an update has a previous value).</exception>
    public Change(ChangeReason reason, TKey key, TObject current, TObject previous)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (reason != ChangeReason.Update)
        {
            throw new ArgumentException($"Only an Update change carries a previous value, not {reason}.", nameof(reason));
        }

        Reason = reason;
        Key = key;
        Current = current;
        HasPrevious = true;
        Previous = previous;
    }

    /// <summary>The kind of change.</summary>
    public ChangeReason Reason { get; }

    /// <summary>The key of the changed item.</summary>
    public TKey Key { get; }

    /// <summary>The value after the change; for a <see cref="ChangeReason.Remove"/>, the removed value.</summary>
    public TObject Current { get; }

    /// <summary>Whether <see cref="Previous"/> holds a value; <see langword="true"/> exactly for <see cref="ChangeReason.Update"/>.</summary>
    public bool HasPrevious { get; }

    /// <summary>The replaced value of an <see cref="ChangeReason.Update"/>; <see langword="default"/> when <see cref="HasPrevious"/> is <see langword="false"/>.</summary>
    public TObject? Previous { get; }

    /// <summary>Creates an <see cref="ChangeReason.Add"/> change.</summary>
    /// <param name="key">The key.</param>
    /// <param name="current">The added value.</param>
    /// <returns>The change.</returns>
    public static Change<TObject, TKey> Add(TKey key, TObject current) => new(ChangeReason.Add, key, current);

    /// <summary>Creates an <see cref="ChangeReason.Update"/> change.</summary>
    /// <param name="key">The key.</param>
    /// <param name="current">The new value.</param>
    /// <param name="previous">The replaced value.</param>
    /// <returns>The change.</returns>
    public static Change<TObject, TKey> Update(TKey key, TObject current, TObject previous) => new(ChangeReason.Update, key, current, previous);

    /// <summary>Compares two changes for equality.</summary>
    /// <param name="left">The first change.</param>
    /// <param name="right">The second change.</param>
    /// <returns><see langword="true"/> if they are equal.</returns>
    public static bool operator ==(Change<TObject, TKey> left, Change<TObject, TKey> right) => left.Equals(right);

    /// <summary>Compares two changes for inequality.</summary>
    /// <param name="left">The first change.</param>
    /// <param name="right">The second change.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(Change<TObject, TKey> left, Change<TObject, TKey> right) => !left.Equals(right);

    /// <summary>
    /// Two changes are equal when reason, key, current value and (optional) previous value are equal,
    /// using <see cref="EqualityComparer{T}.Default"/> for keys and values.
    /// </summary>
    /// <param name="other">The other change.</param>
    /// <returns><see langword="true"/> if they are equal.</returns>
    public bool Equals(Change<TObject, TKey> other) =>
        Reason == other.Reason
        && HasPrevious == other.HasPrevious
        && EqualityComparer<TKey>.Default.Equals(Key, other.Key)
        && EqualityComparer<TObject>.Default.Equals(Current, other.Current)
        && EqualityComparer<TObject?>.Default.Equals(Previous, other.Previous);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Change<TObject, TKey> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Reason, Key, Current, HasPrevious, Previous);

    /// <summary>A readable form for test messages, for example <c>Update [1] Alice -> Alicia</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => HasPrevious
        ? string.Create(CultureInfo.InvariantCulture, $"{Reason} [{Key}] {Previous} -> {Current}")
        : string.Create(CultureInfo.InvariantCulture, $"{Reason} [{Key}] {Current}");
}
