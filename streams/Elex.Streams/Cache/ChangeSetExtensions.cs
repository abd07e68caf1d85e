using System.Reactive.Linq;

namespace Elex.Streams.Cache;

/// <summary>
/// Thin operators on streams of change sets. Arguments are checked when the operator is called.
/// Operators that keep per-key state key it by <see cref="EqualityComparer{T}.Default"/>; a
/// <see cref="SourceCache{TObject, TKey}"/> always emits the stored key of an item, so this stays consistent
/// with its comparer. Each subscription has its own state. Like every Rx operator, they assume their source
/// does not call <c>OnNext</c> concurrently.
/// </summary>
public static class ChangeSetExtensions
{
    /// <summary>
    /// Projects each value, keeping keys and reasons. Each key's value is projected once per Add or Update;
    /// an Update's previous value, a Remove's value and a Refresh's value are the projection emitted
    /// earlier for that key (the same instance), not a new projection. If <paramref name="transform"/> throws,
    /// the stream ends with that error.
    /// </summary>
    /// <typeparam name="TObject">The source value type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TDestination">The projected value type.</typeparam>
    /// <param name="source">The change sets.</param>
    /// <param name="transform">The projection.</param>
    /// <returns>The projected change sets.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="transform"/> is <see langword="null"/>.</exception>
    public static IObservable<IChangeSet<TDestination, TKey>> Transform<TObject, TKey, TDestination>(
        this IObservable<IChangeSet<TObject, TKey>> source,
        Func<TObject, TDestination> transform)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(transform);

        return Observable.Create<IChangeSet<TDestination, TKey>>(observer =>
        {
            var projected = new Dictionary<TKey, TDestination>();
            return source.Subscribe(
                changes =>
                {
                    ChangeSet<TDestination, TKey> result;
                    try
                    {
                        result = Project(changes, projected, transform);
                    }
                    catch (Exception ex)
                    {
                        observer.OnError(ex);
                        return;
                    }

                    if (result.Count > 0)
                    {
                        observer.OnNext(result);
                    }
                },
                observer.OnError,
                observer.OnCompleted);
        });
    }

    /// <summary>
    /// Keeps only the changes with one of the given reasons; change sets left empty are not emitted.
    /// Note that dropping Adds or Removes leaves downstream state incomplete, as in DynamicData.
    /// </summary>
    /// <typeparam name="TObject">The value type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="source">The change sets.</param>
    /// <param name="reasons">The reasons to keep; at least one.</param>
    /// <returns>The filtered change sets.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="reasons"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="reasons"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reasons"/> holds an undefined value.</exception>
    public static IObservable<IChangeSet<TObject, TKey>> WhereReasonsAre<TObject, TKey>(
        this IObservable<IChangeSet<TObject, TKey>> source,
        params ChangeReason[] reasons)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(reasons);
        if (reasons.Length == 0)
        {
            throw new ArgumentException("At least one reason is required.", nameof(reasons));
        }

        // Copied now, so that later changes to the caller's array have no effect.
        var keep = new bool[4];
        foreach (var reason in reasons)
        {
            if (!Enum.IsDefined(reason))
            {
                throw new ArgumentOutOfRangeException(nameof(reasons), reason, "Unknown change reason.");
            }

            keep[(int)reason] = true;
        }

        return Observable.Create<IChangeSet<TObject, TKey>>(observer => source.Subscribe(
            changes =>
            {
                var kept = (keep[(int)ChangeReason.Add] ? changes.Adds : 0)
                    + (keep[(int)ChangeReason.Update] ? changes.Updates : 0)
                    + (keep[(int)ChangeReason.Remove] ? changes.Removes : 0)
                    + (keep[(int)ChangeReason.Refresh] ? changes.Refreshes : 0);
                if (kept == 0)
                {
                    return;
                }

                if (kept == changes.Count)
                {
                    observer.OnNext(changes); // change sets are immutable once published
                    return;
                }

                var result = new ChangeSet<TObject, TKey>(kept);
                foreach (var change in changes)
                {
                    if (keep[(int)change.Reason])
                    {
                        result.Add(change);
                    }
                }

                observer.OnNext(result);
            },
            observer.OnError,
            observer.OnCompleted));
    }

    /// <summary>
    /// After each change set, emits a snapshot of all values (in no particular order). The values are
    /// maintained incrementally from the changes; each snapshot is a new read-only collection that later
    /// change sets do not modify. Emits nothing until the first change set (an empty cache emits none).
    /// </summary>
    /// <typeparam name="TObject">The value type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="source">The change sets.</param>
    /// <returns>The snapshots.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public static IObservable<IReadOnlyCollection<TObject>> ToCollection<TObject, TKey>(
        this IObservable<IChangeSet<TObject, TKey>> source)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);

        return Observable.Create<IReadOnlyCollection<TObject>>(observer =>
        {
            var values = new Dictionary<TKey, TObject>();
            return source.Subscribe(
                changes =>
                {
                    foreach (var change in changes)
                    {
                        if (change.Reason == ChangeReason.Remove)
                        {
                            values.Remove(change.Key);
                        }
                        else
                        {
                            values[change.Key] = change.Current;
                        }
                    }

                    observer.OnNext(Array.AsReadOnly(values.Values.ToArray()));
                },
                observer.OnError,
                observer.OnCompleted);
        });
    }

    private static ChangeSet<TDestination, TKey> Project<TObject, TKey, TDestination>(
        IChangeSet<TObject, TKey> changes,
        Dictionary<TKey, TDestination> projected,
        Func<TObject, TDestination> transform)
        where TKey : notnull
    {
        var result = new ChangeSet<TDestination, TKey>(changes.Count);
        foreach (var change in changes)
        {
            var key = change.Key;
            switch (change.Reason)
            {
                case ChangeReason.Add:
                {
                    var current = transform(change.Current);
                    projected[key] = current;
                    result.Add(Change<TDestination, TKey>.Add(key, current));
                    break;
                }

                case ChangeReason.Update:
                {
                    // Fallbacks project the carried values when the stream did not start with this key's Add.
                    var previous = projected.TryGetValue(key, out var p) ? p : transform(change.Previous!);
                    var current = transform(change.Current);
                    projected[key] = current;
                    result.Add(Change<TDestination, TKey>.Update(key, current, previous));
                    break;
                }

                case ChangeReason.Remove:
                {
                    var removed = projected.Remove(key, out var r) ? r : transform(change.Current);
                    result.Add(Change<TDestination, TKey>.Remove(key, removed));
                    break;
                }

                case ChangeReason.Refresh:
                {
                    if (!projected.TryGetValue(key, out var current))
                    {
                        current = transform(change.Current);
                        projected[key] = current;
                    }

                    result.Add(Change<TDestination, TKey>.Refresh(key, current));
                    break;
                }
            }
        }

        return result;
    }
}
