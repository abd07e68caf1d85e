namespace Elex.Streams.Cache;

/// <summary>A batch of keyed changes delivered together; never empty.</summary>
public interface IChangeSet<TObject, TKey> : IReadOnlyList<Change<TObject, TKey>> where TKey : notnull
{
    /// <summary>Number of Adds.</summary>
    int Adds { get; }
    /// <summary>Number of Updates.</summary>
    int Updates { get; }
    /// <summary>Number of Removes.</summary>
    int Removes { get; }
    /// <summary>Number of Refreshes.</summary>
    int Refreshes { get; }
}
