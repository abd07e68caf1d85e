using System.Reactive.Linq;
using Elex.Streams.Cache;
using Elex.Streams.Tests.Marbles;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Cache;

using static ChangeSetMarbles;
using Person = WhereReasonsAreOperatorTests.Person;

public sealed class WhereReasonsAreOperatorTests
{
    private static readonly Person Alice = new(1, "Alice");
    private static readonly Person Alicia = new(1, "Alicia");
    private static readonly Person Bob = new(2, "Bob");

    private static readonly Dictionary<char, IChangeSet<string, int>> Sets = new()
    {
        ['a'] = Set(Change<string, int>.Add(1, "Alice"), Change<string, int>.Add(2, "Bob")),
        ['u'] = Set(Change<string, int>.Update(1, "Alicia", "Alice")),
        ['r'] = Set(Change<string, int>.Refresh(2, "Bob")),
        ['m'] = Set(
            Change<string, int>.Add(3, "Carol"),
            Change<string, int>.Update(2, "Bobby", "Bob"),
            Change<string, int>.Refresh(3, "Carol"),
            Change<string, int>.Remove(1, "Alicia")),
    };

    public sealed record Person(int Id, string Name);

    private static SourceCache<Person, int> NewCache() => new(p => p.Id);

    [Fact]
    public void WhereReasonsAre_keeps_the_given_reasons_and_drops_empty_change_sets()
    {
        using var cache = NewCache();
        var scheduler = new TestScheduler();
        var observer = scheduler.CreateObserver<Change<Person, int>[]>();
        using var subscription = cache.Connect()
            .WhereReasonsAre(ChangeReason.Update, ChangeReason.Remove)
            .Select(changes => changes.ToArray())
            .Subscribe(observer);

        cache.AddOrUpdate(Alice);                      // dropped entirely
        cache.Edit(u =>
        {
            u.AddOrUpdate(Bob);                        // dropped
            u.AddOrUpdate(Alicia);                     // kept
            u.Refresh(2);                              // dropped
            u.Remove(2);                               // kept
        });

        var message = Assert.Single(observer.Messages);
        Assert.Equal(
            [Change<Person, int>.Update(1, Alicia, Alice), Change<Person, int>.Remove(2, Bob)],
            message.Value.Value);
    }

    [Fact]
    public void WhereReasonsAre_counts_the_kept_changes()
    {
        using var cache = NewCache();
        cache.AddOrUpdate([Alice, Bob]);
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect().WhereReasonsAre(ChangeReason.Add, ChangeReason.Refresh));

        cache.Edit(u =>
        {
            u.Refresh(1);
            u.Remove(2);
        });

        Assert.Equal(2, results.Messages.Count);
        Assert.Equal((2, 0, 0, 0), (results.Messages[0].Adds, results.Messages[0].Updates, results.Messages[0].Removes, results.Messages[0].Refreshes));
        Assert.Equal((0, 0, 0, 1), (results.Messages[1].Adds, results.Messages[1].Updates, results.Messages[1].Removes, results.Messages[1].Refreshes));
        Assert.Equal([Change<Person, int>.Refresh(1, Alice)], results.Messages[1]);
    }

    [Fact]
    public void WhereReasonsAre_copies_the_reasons_when_called()
    {
        using var cache = NewCache();
        var reasons = new[] { ChangeReason.Remove };
        var stream = cache.Connect().WhereReasonsAre(reasons);
        reasons[0] = ChangeReason.Add;
        using var results = new ChangeSetAggregator<Person, int>(stream);

        cache.AddOrUpdate(Alice);
        cache.Remove(1);

        Assert.Equal([Change<Person, int>.Remove(1, Alice)], results.Changes);
    }

    [Fact]
    public void WhereReasonsAre_passes_a_change_set_it_keeps_whole_through_unchanged()
    {
        var whole = Set(Change<string, int>.Update(1, "Alicia", "Alice"));
        var emitted = new List<IChangeSet<string, int>>();
        using var subscription = Observable.Return<IChangeSet<string, int>>(whole)
            .WhereReasonsAre(ChangeReason.Update)
            .Subscribe(emitted.Add);

        Assert.Same(whole, Assert.Single(emitted));
    }

    [Fact]
    public void WhereReasonsAre_completes_when_the_cache_is_disposed()
    {
        var cache = NewCache();
        using var filtered = new ChangeSetAggregator<Person, int>(cache.Connect().WhereReasonsAre(ChangeReason.Add));

        cache.Dispose();

        Assert.True(filtered.IsCompleted);
    }

    [Fact]
    public void WhereReasonsAre_checks_its_arguments_when_called()
    {
        IObservable<IChangeSet<Person, int>> none = null!;
        using var cache = NewCache();
        var source = cache.Connect();

        Assert.Throws<ArgumentNullException>("source", () => none.WhereReasonsAre(ChangeReason.Add));
        Assert.Throws<ArgumentNullException>("reasons", () => source.WhereReasonsAre(null!));
        Assert.Throws<ArgumentException>("reasons", () => source.WhereReasonsAre());
        Assert.Throws<ArgumentOutOfRangeException>("reasons", () => source.WhereReasonsAre((ChangeReason)42));
    }

    [Fact]
    public void WhereReasonsAre_Marbles()
    {
        // Keeping Updates and Removes: 'a' (Adds only) and 'r' (a Refresh) filter down to nothing and leave a gap;
        // 'm' is cut down to its Update and Remove.
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^-a-u-r-m-|", Sets);
        var expected = new Dictionary<char, string>
        {
            ['u'] = "~1=Alice>Alicia",
            ['m'] = "~2=Bob>Bobby -1=Alicia",
        };

        var results = marbles.Run(() => source.WhereReasonsAre(ChangeReason.Update, ChangeReason.Remove).Select(Describe));

        marbles.ExpectObservable(results).ToBe("----u---m-|", expected);
    }

    [Fact]
    public void WhereReasonsAre_Marbles_error()
    {
        // An error passes through even right after a change set that was dropped entirely.
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^-u-a-#", Sets);
        var expected = new Dictionary<char, string> { ['u'] = "~1=Alice>Alicia" };

        var results = marbles.Run(() => source.WhereReasonsAre(ChangeReason.Update).Select(Describe));

        marbles.ExpectObservable(results).ToBe("--u---#", expected);
    }
}
