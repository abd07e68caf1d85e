using System.Reactive.Linq;
using System.Reactive.Subjects;
using Elex.Streams.Cache;
using Elex.Streams.Tests.Marbles;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Cache;

using static ChangeSetMarbles;
using Person = ToCollectionOperatorTests.Person;

public sealed class ToCollectionOperatorTests : ReactiveTest
{
    private static readonly Person Alice = new(1, "Alice");
    private static readonly Person Alicia = new(1, "Alicia");
    private static readonly Person Bob = new(2, "Bob");

    private static readonly Dictionary<char, IChangeSet<string, int>> Sets = new()
    {
        ['a'] = Set(Change<string, int>.Add(1, "Alice"), Change<string, int>.Add(2, "Bob")),
        ['u'] = Set(Change<string, int>.Update(1, "Alicia", "Alice")),
        ['r'] = Set(Change<string, int>.Refresh(2, "Bob")),
        ['d'] = Set(Change<string, int>.Remove(2, "Bob")),
        ['c'] = Set(Change<string, int>.Remove(1, "Alicia")),
    };

    public sealed record Person(int Id, string Name);

    private static SourceCache<Person, int> NewCache() => new(p => p.Id);

    [Fact]
    public void ToCollection_emits_a_snapshot_after_each_change_set()
    {
        using var cache = NewCache();
        var snapshots = new List<IReadOnlyCollection<Person>>();
        using var subscription = cache.Connect().ToCollection().Subscribe(snapshots.Add);

        cache.AddOrUpdate([Alice, Bob]);
        cache.AddOrUpdate(Alicia);
        cache.Refresh(2);
        cache.Remove(2);
        cache.Clear();

        Assert.Equal(5, snapshots.Count);
        Assert.Equal([Alice, Bob], snapshots[0].OrderBy(p => p.Id));
        Assert.Equal([Alicia, Bob], snapshots[1].OrderBy(p => p.Id));
        Assert.Equal([Alicia, Bob], snapshots[2].OrderBy(p => p.Id));
        Assert.Equal([Alicia], snapshots[3]);
        Assert.Empty(snapshots[4]);
    }

    [Fact]
    public void ToCollection_starts_with_the_contents_and_emits_nothing_for_an_empty_cache()
    {
        using var cache = NewCache();
        var snapshots = new List<IReadOnlyCollection<Person>>();
        using (cache.Connect().ToCollection().Subscribe(snapshots.Add))
        {
            Assert.Empty(snapshots);
        }

        cache.AddOrUpdate([Alice, Bob]);
        using var late = cache.Connect().ToCollection().Subscribe(snapshots.Add);

        var snapshot = Assert.Single(snapshots);
        Assert.Equal([Alice, Bob], snapshot.OrderBy(p => p.Id));
    }

    [Fact]
    public void ToCollection_maintains_its_state_from_the_changes_alone()
    {
        // A plain subject, not a cache: the operator cannot re-query anything.
        using var source = new Subject<IChangeSet<Person, int>>();
        var snapshots = new List<IReadOnlyCollection<Person>>();
        using var subscription = source.ToCollection().Subscribe(snapshots.Add);

        source.OnNext(Set(Change<Person, int>.Add(1, Alice), Change<Person, int>.Add(2, Bob)));
        source.OnNext(Set(Change<Person, int>.Update(1, Alicia, Alice), Change<Person, int>.Remove(2, Bob)));

        Assert.Equal([Alice, Bob], snapshots[0].OrderBy(p => p.Id));
        Assert.Equal([Alicia], snapshots[1]);
    }

    [Fact]
    public void Earlier_snapshots_are_not_modified_by_later_change_sets()
    {
        using var cache = NewCache();
        var snapshots = new List<IReadOnlyCollection<Person>>();
        using var subscription = cache.Connect().ToCollection().Subscribe(snapshots.Add);

        cache.AddOrUpdate(Alice);
        var first = snapshots[0];
        cache.AddOrUpdate(Bob);
        cache.Remove(1);

        Assert.Equal([Alice], first);
        Assert.IsNotType<Person[]>(first);
    }

    [Fact]
    public void ToCollection_completes_when_the_cache_is_disposed()
    {
        var cache = NewCache();
        var scheduler = new TestScheduler();
        var collection = scheduler.CreateObserver<IReadOnlyCollection<Person>>();
        using var subscription = cache.Connect().ToCollection().Subscribe(collection);

        cache.Dispose();

        Assert.Equal([OnCompleted<IReadOnlyCollection<Person>>(0)], collection.Messages);
    }

    [Fact]
    public void ToCollection_checks_its_argument_when_called()
    {
        IObservable<IChangeSet<Person, int>> none = null!;

        Assert.Throws<ArgumentNullException>("source", () => none.ToCollection());
    }

    [Fact]
    public void ToCollection_Marbles()
    {
        // A Refresh changes no value but still emits a snapshot ('x' twice); removing the last key emits an empty one.
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^-a-u-r-d-c-|", Sets);
        var expected = new Dictionary<char, string>
        {
            ['w'] = "Alice,Bob",
            ['x'] = "Alicia,Bob",
            ['y'] = "Alicia",
            ['e'] = "",
        };

        var results = marbles.Run(() => source.ToCollection().Select(Names));

        marbles.ExpectObservable(results).ToBe("--w-x-x-y-e-|", expected);
    }

    [Fact]
    public void ToCollection_Marbles_error()
    {
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^-a-u-#", Sets);
        var expected = new Dictionary<char, string> { ['w'] = "Alice,Bob", ['x'] = "Alicia,Bob" };

        var results = marbles.Run(() => source.ToCollection().Select(Names));

        marbles.ExpectObservable(results).ToBe("--w-x-#", expected);
    }

    // Snapshots are in no particular order; sorting makes them comparable.
    private static string Names(IReadOnlyCollection<string> snapshot) => string.Join(',', snapshot.Order(StringComparer.Ordinal));
}
