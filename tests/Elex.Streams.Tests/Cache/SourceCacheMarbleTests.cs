using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Streams.Cache;
using Elex.Streams.Tests.Marbles;

namespace Elex.Streams.Tests.Cache;

using static ChangeSetMarbles;

/// <summary>
/// <see cref="SourceCache{TObject, TKey}.Connect"/> and <see cref="SourceCache{TObject, TKey}.Watch"/> as marbles:
/// edits are scheduled at virtual times and the change sets they publish are compared frame by frame.
/// Names are keyed by their initial, so "Alicia" updates "Alice".
/// </summary>
public sealed class SourceCacheMarbleTests
{
    private static SourceCache<string, char> NewCache(params string[] names)
    {
        var cache = new SourceCache<string, char>(name => name[0]);
        cache.AddOrUpdate(names);
        return cache;
    }

    // One tick into the frame, like a hot marble's notifications, so an edit never races the subscription of its frame.
    private static void At(MarbleScheduler marbles, int frame, Action edit) =>
        marbles.Scheduler.Schedule(TimeSpan.FromTicks(marbles.Origin + 1) + marbles.Frames(frame), edit);

    [Fact]
    public void Connect_Marbles()
    {
        // Removing a missing key publishes nothing (frame 5); a batch is one change set (frame 6); disposing completes.
        var marbles = new MarbleScheduler();
        using var cache = NewCache("Alice");
        At(marbles, 2, () => cache.AddOrUpdate("Bob"));
        At(marbles, 4, () => cache.AddOrUpdate("Alicia"));
        At(marbles, 5, () => cache.Remove('C'));
        At(marbles, 6, () => cache.Edit(u =>
        {
            u.Refresh('B');
            u.Remove('A');
        }));
        At(marbles, 8, cache.Dispose);
        var expected = new Dictionary<char, string>
        {
            ['s'] = "+A=Alice",
            ['b'] = "+B=Bob",
            ['u'] = "~A=Alice>Alicia",
            ['e'] = "!B=Bob -A=Alicia",
        };

        var results = marbles.Run(() => cache.Connect().Select(Describe));

        marbles.ExpectObservable(results).ToBe("s-b-u-e-|", expected);
    }

    [Fact]
    public void Connect_Marbles_late_subscriber()
    {
        // Subscribing at frame 3 starts with the contents then, as one change set of Adds; nothing arrives after frame 6.
        var marbles = new MarbleScheduler();
        using var cache = NewCache("Alice");
        At(marbles, 1, () => cache.AddOrUpdate("Bob"));
        At(marbles, 2, () => cache.Remove('A'));
        At(marbles, 4, () => cache.AddOrUpdate("Carol"));
        At(marbles, 7, () => cache.AddOrUpdate("Dave"));
        var expected = new Dictionary<char, string> { ['s'] = "+B=Bob", ['c'] = "+C=Carol" };

        var results = marbles.Run(() => cache.Connect().Select(Describe), "---^--!");

        marbles.ExpectObservable(results).ToBe("---sc", expected);
    }

    [Fact]
    public void Connect_Marbles_predicate_error()
    {
        // The filter sees each value as it is published; when it throws, only this subscriber fails, and later
        // edits are not seen.
        var marbles = new MarbleScheduler();
        using var cache = NewCache("Alice");
        var bad = new InvalidOperationException("unreadable name");
        At(marbles, 2, () => cache.AddOrUpdate("Bob"));
        At(marbles, 4, () => cache.AddOrUpdate("Xavier"));
        At(marbles, 6, () => cache.AddOrUpdate("Carol"));
        var expected = new Dictionary<char, string> { ['s'] = "+A=Alice", ['b'] = "+B=Bob" };

        var results = marbles.Run(() => cache.Connect(name => name[0] == 'X' ? throw bad : true).Select(Describe));

        marbles.ExpectObservable(results).ToBe("s-b-#", expected, bad);
        Assert.Equal(4, cache.Count);
    }

    [Fact]
    public void Watch_Marbles()
    {
        // Another key's edit (frame 2) is not seen; the key comes back after its Remove (frame 10).
        var marbles = new MarbleScheduler();
        using var cache = NewCache("Alice");
        At(marbles, 2, () => cache.AddOrUpdate("Bob"));
        At(marbles, 4, () => cache.AddOrUpdate("Alicia"));
        At(marbles, 6, () => cache.Refresh('A'));
        At(marbles, 8, () => cache.Remove('A'));
        At(marbles, 10, () => cache.AddOrUpdate("Anna"));
        At(marbles, 12, cache.Dispose);
        var expected = new Dictionary<char, string>
        {
            ['s'] = "+A=Alice",
            ['u'] = "~A=Alice>Alicia",
            ['r'] = "!A=Alicia",
            ['d'] = "-A=Alicia",
            ['n'] = "+A=Anna",
        };

        var results = marbles.Run(() => cache.Watch('A').Select(Describe));

        marbles.ExpectObservable(results).ToBe("s---u-r-d-n-|", expected);
    }
}
