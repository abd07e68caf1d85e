using System.Reactive.Linq;

namespace Elex.Streams.Cache;

/// <summary>
/// The <c>Transform</c> operator on streams of change sets. Arguments are checked when the operator is called.
/// The projections are kept per key by <see cref="EqualityComparer{T}.Default"/>; a
/// <see cref="SourceCache{TObject, TKey}"/> always emits the stored key of an item, so this stays consistent
/// with its comparer. Each subscription has its own state. Like every Rx operator, it assumes its source
/// does not call <c>OnNext</c> concurrently.
/// </summary>
public static class TransformOperator
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
