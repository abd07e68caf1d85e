using System.Collections;
using System.Globalization;

namespace Elex.Streams.Cache;

/// <summary>
/// The one implementation of <see cref="IChangeSet{TObject, TKey}"/>, and the way change sets are built:
/// append with <see cref="Add"/>, then publish. A published change set is never appended to again.
/// Not thread-safe while it is being built.
/// </summary>
internal sealed class ChangeSet<TObject, TKey> : IChangeSet<TObject, TKey>
    where TKey : notnull
{
    private readonly List<Change<TObject, TKey>> _changes;

    internal ChangeSet(int capacity = 0) => _changes = new List<Change<TObject, TKey>>(capacity);

    public int Count => _changes.Count;

    public int Adds { get; private set; }

    public int Updates { get; private set; }

    public int Removes { get; private set; }

    public int Refreshes { get; private set; }

    public Change<TObject, TKey> this[int index] => _changes[index];

    internal void Add(in Change<TObject, TKey> change)
    {
        _changes.Add(change);
        switch (change.Reason)
        {
            case ChangeReason.Add: Adds++; break;
            case ChangeReason.Update: Updates++; break;
            case ChangeReason.Remove: Removes++; break;
            case ChangeReason.Refresh: Refreshes++; break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change.Reason, "Unknown change reason.");
        }
    }

    public IEnumerator<Change<TObject, TKey>> GetEnumerator() => _changes.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"ChangeSet({Count}: +{Adds} ~{Updates} -{Removes} !{Refreshes})");
}
