using System.Reactive.Linq;
using System.Reactive.Subjects;
using Elex.Streams.Cache;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Cache;

using Person = ChangeSetExtensionsTests.Person;
using PersonView = ChangeSetExtensionsTests.PersonView;

public sealed class ChangeSetExtensionsTests : ReactiveTest
{
    private static readonly Person Alice = new(1, "Alice");
    private static readonly Person Alicia = new(1, "Alicia");
    private static readonly Person Bob = new(2, "Bob");

    public sealed record Person(int Id, string Name);

    /// <summary>A reference type with identity, to check that Transform re-uses its projections.</summary>
    public sealed class PersonView(Person source)
    {
        public Person Source { get; } = source;
    }

    private static SourceCache<Person, int> NewCache() => new(p => p.Id);

    // ----- Transform -----

    [Fact]
    public void Transform_keeps_keys_and_reasons()
    {
        using var cache = NewCache();
        using var results = new ChangeSetAggregator<string, int>(cache.Connect().Transform(p => p.Name));

        cache.AddOrUpdate([Alice, Bob]);
        cache.AddOrUpdate(Alicia);
        cache.Refresh(2);
        cache.Remove(1);

        Assert.Equal(4, results.Messages.Count);
        Assert.Equal(
            [
                Change<string, int>.Add(1, "Alice"),
                Change<string, int>.Add(2, "Bob"),
                Change<string, int>.Update(1, "Alicia", "Alice"),
                Change<string, int>.Refresh(2, "Bob"),
                Change<string, int>.Remove(1, "Alicia"),
            ],
            results.Changes);
        Assert.Equal(new Dictionary<int, string> { [2] = "Bob" }, results.Data);
        Assert.Empty(results.Inconsistencies);
    }

    [Fact]
    public void Transform_reuses_the_earlier_projection_for_previous_removed_and_refreshed_values()
    {
        using var cache = NewCache();
        var projections = 0;
        using var results = new ChangeSetAggregator<PersonView, int>(cache.Connect().Transform(p =>
        {
            projections++;
            return new PersonView(p);
        }));

        cache.AddOrUpdate(Alice);
        cache.AddOrUpdate(Alicia);
        cache.Refresh(1);
        cache.Remove(1);

        var changes = results.Changes;
        Assert.Equal([ChangeReason.Add, ChangeReason.Update, ChangeReason.Refresh, ChangeReason.Remove], changes.Select(c => c.Reason));
        Assert.Equal(2, projections);
        Assert.Same(changes[0].Current, changes[1].Previous);
        Assert.Same(changes[1].Current, changes[2].Current);
        Assert.Same(changes[1].Current, changes[3].Current);
        Assert.Equal(Alicia, changes[3].Current.Source);
    }

    [Fact]
    public void Transform_that_throws_ends_the_stream_with_the_error()
    {
        using var cache = NewCache();
        using var results = new ChangeSetAggregator<string, int>(
            cache.Connect().Transform<Person, int, string>(p => p.Id == 2 ? throw new FormatException("bad") : p.Name));

        cache.AddOrUpdate(Alice);
        cache.AddOrUpdate(Bob); // the editor is not affected
        cache.AddOrUpdate(Alicia);

        Assert.IsType<FormatException>(results.Error);
        Assert.Equal([Change<string, int>.Add(1, "Alice")], results.Changes);
        Assert.Equal(2, cache.Count);
    }

    // ----- WhereReasonsAre -----

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

    // ----- ToCollection -----

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

    // ----- completion and argument checks -----

    [Fact]
    public void Operators_complete_when_the_cache_is_disposed()
    {
        var cache = NewCache();
        var scheduler = new TestScheduler();
        var collection = scheduler.CreateObserver<IReadOnlyCollection<Person>>();
        using var transformed = new ChangeSetAggregator<string, int>(cache.Connect().Transform(p => p.Name));
        using var filtered = new ChangeSetAggregator<Person, int>(cache.Connect().WhereReasonsAre(ChangeReason.Add));
        using var subscription = cache.Connect().ToCollection().Subscribe(collection);

        cache.Dispose();

        Assert.True(transformed.IsCompleted);
        Assert.True(filtered.IsCompleted);
        Assert.Equal([OnCompleted<IReadOnlyCollection<Person>>(0)], collection.Messages);
    }

    [Fact]
    public void Argument_checks_happen_when_the_operator_is_called()
    {
        IObservable<IChangeSet<Person, int>> none = null!;
        using var cache = NewCache();
        var source = cache.Connect();

        Assert.Throws<ArgumentNullException>("source", () => none.Transform(p => p.Name));
        Assert.Throws<ArgumentNullException>("transform", () => source.Transform((Func<Person, string>)null!));
        Assert.Throws<ArgumentNullException>("source", () => none.WhereReasonsAre(ChangeReason.Add));
        Assert.Throws<ArgumentNullException>("reasons", () => source.WhereReasonsAre(null!));
        Assert.Throws<ArgumentException>("reasons", () => source.WhereReasonsAre());
        Assert.Throws<ArgumentOutOfRangeException>("reasons", () => source.WhereReasonsAre((ChangeReason)42));
        Assert.Throws<ArgumentNullException>("source", () => none.ToCollection());
    }

    private static ChangeSet<Person, int> Set(params Change<Person, int>[] changes)
    {
        var set = new ChangeSet<Person, int>();
        foreach (var change in changes)
        {
            set.Add(change);
        }

        return set;
    }
}
