namespace Elex.Streams.Cache;

/// <summary>
/// A batch of keyed changes, in the order they were made, so that subscribers can update incrementally.
/// Change sets that reach subscribers are never empty and never modified after they are published.
/// </summary>
/// <typeparam name="TObject">The type of the values.</typeparam>
/// <typeparam name="TKey">The type of the keys.</typeparam>
public interface IChangeSet<TObject, TKey> : IReadOnlyList<Change<TObject, TKey>>
    where TKey : notnull
{
    /// <summary>The number of <see cref="ChangeReason.Add"/> changes.</summary>
    int Adds { get; }

    /// <summary>The number of <see cref="ChangeReason.Update"/> changes.</summary>
    int Updates { get; }

    /// <summary>The number of <see cref="ChangeReason.Remove"/> changes.</summary>
    int Removes { get; }

    /// <summary>The number of <see cref="ChangeReason.Refresh"/> changes.</summary>
    int Refreshes { get; }
}
