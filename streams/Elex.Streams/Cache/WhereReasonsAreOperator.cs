using System.Reactive.Linq;

namespace Elex.Streams.Cache;

/// <summary>
/// The <c>WhereReasonsAre</c> operator on streams of change sets. Arguments are checked when the operator is
/// called. It keeps no state. Like every Rx operator, it assumes its source does not call <c>OnNext</c> concurrently.
/// </summary>
public static class WhereReasonsAreOperator
{
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
}
