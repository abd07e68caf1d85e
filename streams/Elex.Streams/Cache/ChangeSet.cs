using System.Collections;

namespace Elex.Streams.Cache;

/// <summary>The one implementation of <see cref="IChangeSet{TObject, TKey}"/>: an immutable list with counts by reason.</summary>
internal sealed class ChangeSet<TObject, TKey> : IChangeSet<TObject, TKey> where TKey : notnull
{
    private readonly Change<TObject, TKey>[] _changes;

    public ChangeSet(IReadOnlyCollection<Change<TObject, TKey>> changes)
    {
        _changes = [.. changes];
        foreach (var c in _changes)
        {
            switch (c.Reason)
            {
                case ChangeReason.Add: Adds++; break;
                case ChangeReason.Update: Updates++; break;
                case ChangeReason.Remove: Removes++; break;
                default: Refreshes++; break;
            }
        }
    }

    public int Adds { get; }
    public int Updates { get; }
    public int Removes { get; }
    public int Refreshes { get; }
    public int Count => _changes.Length;
    public Change<TObject, TKey> this[int index] => _changes[index];
    public IEnumerator<Change<TObject, TKey>> GetEnumerator() => ((IEnumerable<Change<TObject, TKey>>)_changes).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    public override string ToString() => $"ChangeSet(+{Adds} ~{Updates} -{Removes} !{Refreshes})";
}
