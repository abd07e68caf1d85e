using System.Reactive.Linq;

namespace Elex.Streams.Cache;

/// <summary>
/// The <c>ToCollection</c> operator on streams of change sets. Arguments are checked when the operator is called.
/// The values are kept per key by <see cref="EqualityComparer{T}.Default"/>; a
/// <see cref="SourceCache{TObject, TKey}"/> always emits the stored key of an item, so this stays consistent
/// with its comparer. Each subscription has its own state. Like every Rx operator, it assumes its source
/// does not call <c>OnNext</c> concurrently.
/// </summary>
public static class ToCollectionOperator
{
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
}
