using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Streams.Cache;
using Elex.Streams.Tests.Marbles;

namespace Elex.Streams.Tests.Cache;

using static ChangeSetMarbles;

/// <summary>
/// <see cref="SourceCache{TObject, TKey}.Connect"/> as marbles: edits are scheduled at virtual times and the
/// change sets they publish are compared frame by frame. Names are keyed by their initial, so "Alicia" updates "Alice".
/// </summary>
public sealed class SourceCacheMarbleTests
{
    private static SourceCache<string, char> NewCache(params string[] names)
    {
        var cache = new SourceCache<string, char>(name => name[0]);
        foreach (var name in names)
        {
            cache.AddOrUpdate(name);
        }

        return cache;
    }

    // One tick into the frame, like a hot marble's notifications, so an edit never races the subscription of its frame.
    private static void At(MarbleScheduler marbles, int frame, Action edit) =>
        marbles.Scheduler.Schedule(TimeSpan.FromTicks(marbles.Origin + 1) + marbles.Frames(frame), edit);

    [Fact]
    public void Connect_Marbles()
    {
        // Each edit is its own change set in the frame it is made; disposing completes.
        var marbles = new MarbleScheduler();
        using var cache = NewCache("Alice");
        At(marbles, 2, () => cache.AddOrUpdate("Bob"));
        At(marbles, 4, () => cache.AddOrUpdate("Alicia"));
        At(marbles, 5, () => cache.AddOrUpdate("Betty"));
        At(marbles, 7, cache.Dispose);
        var expected = new Dictionary<char, string>
        {
            ['s'] = "+A=Alice",
            ['b'] = "+B=Bob",
            ['u'] = "~A=Alice>Alicia",
            ['e'] = "~B=Bob>Betty",
        };

        var results = marbles.Run(() => cache.Connect().Select(Describe));

        marbles.ExpectObservable(results).ToBe("s-b-ue-|", expected);
    }

    [Fact]
    public void Connect_Marbles_late_subscriber()
    {
        // Subscribing at frame 3 starts with the contents then, as one change set of Adds; nothing arrives after frame 6.
        var marbles = new MarbleScheduler();
        using var cache = NewCache("Alice");
        At(marbles, 1, () => cache.AddOrUpdate("Bob"));
        At(marbles, 2, () => cache.AddOrUpdate("Alicia"));
        At(marbles, 4, () => cache.AddOrUpdate("Carol"));
        At(marbles, 5, () => cache.AddOrUpdate("Bert"));
        At(marbles, 7, () => cache.AddOrUpdate("Dave"));
        var expected = new Dictionary<char, string> { ['s'] = "+A=Alicia +B=Bob", ['c'] = "+C=Carol", ['b'] = "~B=Bob>Bert" };

        var results = marbles.Run(() => cache.Connect().Select(Describe), "---^--!");

        marbles.ExpectObservable(results).ToBe("---scb", expected);
    }
}
