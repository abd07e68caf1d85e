using System.Collections.Concurrent;
using Elex.Streams.Cache;

namespace Elex.Streams.Tests.Cache;

using Item = SourceCacheTests.Item;
using Person = SourceCacheTests.Person;
using PersonChange = Change<SourceCacheTests.Person, int>;

public sealed class SourceCacheTests
{
    private static readonly Person Alice = new(1, "Alice", 30);
    private static readonly Person Alicia = new(1, "Alicia", 31);
    private static readonly Person Bob = new(2, "Bob", 40);
    private static readonly Person Carol = new(3, "Carol", 50);

    public sealed record Person(int Id, string Name, int Age);

    public sealed record Item(int Id, int Version);

    private static SourceCache<Person, int> NewCache() => new(p => p.Id);

    // The cache has no reader: its contents are what a new subscriber's snapshot holds.
    private static IReadOnlyDictionary<TKey, TObject> Contents<TObject, TKey>(SourceCache<TObject, TKey> cache)
        where TKey : notnull
    {
        using var snapshot = new ChangeSetAggregator<TObject, TKey>(cache.Connect());
        Assert.Empty(snapshot.Inconsistencies);
        return snapshot.Data;
    }

    // ----- Change -----

    [Fact]
    public void Change_factories_and_constructors_enforce_the_shape_of_each_reason()
    {
        var add = PersonChange.Add(1, Alice);
        var update = PersonChange.Update(1, Alicia, Alice);
        var remove = new PersonChange(ChangeReason.Remove, 1, Alicia);
        var refresh = new PersonChange(ChangeReason.Refresh, 1, Alice);

        Assert.Equal((ChangeReason.Add, 1, Alice, false, (Person?)null), (add.Reason, add.Key, add.Current, add.HasPrevious, add.Previous));
        Assert.Equal((ChangeReason.Update, 1, Alicia, true, (Person?)Alice), (update.Reason, update.Key, update.Current, update.HasPrevious, update.Previous));
        Assert.Equal((ChangeReason.Remove, 1, Alicia, false), (remove.Reason, remove.Key, remove.Current, remove.HasPrevious));
        Assert.Equal((ChangeReason.Refresh, false), (refresh.Reason, refresh.HasPrevious));
    }

    [Fact]
    public void Change_constructors_reject_an_update_without_previous_and_a_previous_without_update()
    {
        Assert.Throws<ArgumentException>("reason", () => new PersonChange(ChangeReason.Update, 1, Alice));
        Assert.Throws<ArgumentException>("reason", () => new PersonChange(ChangeReason.Add, 1, Alice, Alicia));
        Assert.Throws<ArgumentException>("reason", () => new PersonChange(ChangeReason.Remove, 1, Alice, Alicia));
        Assert.Throws<ArgumentOutOfRangeException>("reason", () => new PersonChange((ChangeReason)42, 1, Alice));
        Assert.Throws<ArgumentNullException>("key", () => new Change<Person, string>(ChangeReason.Add, null!, Alice));
    }

    [Fact]
    public void Change_equality_compares_reason_key_current_and_previous()
    {
        Assert.Equal(PersonChange.Update(1, Alicia, Alice), PersonChange.Update(1, Alicia, Alice));
        Assert.True(PersonChange.Add(1, Alice) == PersonChange.Add(1, Alice));
        Assert.True(PersonChange.Add(1, Alice) != new PersonChange(ChangeReason.Refresh, 1, Alice));
        Assert.NotEqual(PersonChange.Update(1, Alicia, Alice), PersonChange.Update(1, Alicia, Alicia));
        Assert.NotEqual(PersonChange.Add(1, Alice), PersonChange.Add(2, Alice));
        Assert.Equal(PersonChange.Update(1, Alicia, Alice).GetHashCode(), PersonChange.Update(1, Alicia, Alice).GetHashCode());
    }

    [Fact]
    public void Change_ToString_is_readable()
    {
        Assert.Equal("Add [1] a", Change<string, int>.Add(1, "a").ToString());
        Assert.Equal("Update [1] a -> b", Change<string, int>.Update(1, "b", "a").ToString());
        Assert.Equal("Remove [1] b", new Change<string, int>(ChangeReason.Remove, 1, "b").ToString());
    }

    // ----- single operations -----

    [Fact]
    public void Constructor_checks_the_key_selector()
    {
        Assert.Throws<ArgumentNullException>("keySelector", () => new SourceCache<Person, int>(null!));
    }

    [Fact]
    public void AddOrUpdate_of_a_new_key_emits_one_Add()
    {
        using var cache = NewCache();
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect());

        cache.AddOrUpdate(Alice);

        var message = Assert.Single(results.Messages);
        Assert.Equal([PersonChange.Add(1, Alice)], message);
        Assert.Equal((1, 0, 0, 0), (message.Adds, message.Updates, message.Removes, message.Refreshes));
        Assert.Equal(Alice, results.Data[1]);
        Assert.Equal(new Dictionary<int, Person> { [1] = Alice }, Contents(cache));
        Assert.Empty(results.Inconsistencies);
    }

    [Fact]
    public void AddOrUpdate_of_an_existing_key_emits_an_Update_carrying_the_previous_value()
    {
        using var cache = NewCache();
        cache.AddOrUpdate(Alice);
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect());

        cache.AddOrUpdate(Alicia);

        Assert.Equal(2, results.Messages.Count);
        var message = results.Messages[1];
        Assert.Equal([PersonChange.Update(1, Alicia, Alice)], message);
        Assert.Equal(1, message.Updates);
        Assert.Equal(Alicia, results.Data[1]);
        Assert.Equal(new Dictionary<int, Person> { [1] = Alicia }, Contents(cache));
        Assert.Empty(results.Inconsistencies);
    }

    // ----- Connect -----

    [Fact]
    public void A_late_subscriber_first_gets_the_contents_as_one_change_set_of_Adds()
    {
        using var cache = NewCache();
        cache.AddOrUpdate(Alice);
        cache.AddOrUpdate(Bob);
        cache.AddOrUpdate(Alicia);

        using var results = new ChangeSetAggregator<Person, int>(cache.Connect());
        cache.AddOrUpdate(Carol);

        Assert.Equal(2, results.Messages.Count);
        var snapshot = results.Messages[0];
        Assert.Equal(2, snapshot.Adds);
        Assert.Equal(2, snapshot.Count);
        Assert.Equal([PersonChange.Add(1, Alicia), PersonChange.Add(2, Bob)], snapshot.OrderBy(c => c.Key));
        Assert.Equal([PersonChange.Add(3, Carol)], results.Messages[1]);
        Assert.Equal(3, results.Data.Count);
    }

    [Fact]
    public void A_subscriber_to_an_empty_cache_gets_no_change_set()
    {
        using var cache = NewCache();
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect());

        Assert.Empty(results.Messages);
        Assert.False(results.IsCompleted);
    }

    [Fact]
    public void A_disposed_subscription_receives_nothing_more()
    {
        using var cache = NewCache();
        var results = new ChangeSetAggregator<Person, int>(cache.Connect());
        cache.AddOrUpdate(Alice);

        results.Dispose();
        cache.AddOrUpdate(Bob);
        cache.Dispose();

        Assert.Single(results.Messages);
        Assert.False(results.IsCompleted);
    }

    // ----- failed edits -----

    [Fact]
    public void A_null_item_or_a_key_selector_that_throws_or_returns_null_changes_and_publishes_nothing()
    {
        var unkeyable = new Person(9, "", 0);
        var bad = new InvalidOperationException("no key");
        using var cache = new SourceCache<Person, string>(p => p.Id == 9 ? null! : p.Id == 99 ? throw bad : p.Name);
        cache.AddOrUpdate(Alice);
        using var results = new ChangeSetAggregator<Person, string>(cache.Connect());

        Assert.Throws<ArgumentNullException>("item", () => cache.AddOrUpdate(null!));
        Assert.Equal("The key selector returned null.", Assert.Throws<InvalidOperationException>(() => cache.AddOrUpdate(unkeyable)).Message);
        Assert.Same(bad, Assert.Throws<InvalidOperationException>(() => cache.AddOrUpdate(unkeyable with { Id = 99 })));
        cache.AddOrUpdate(Bob);

        Assert.Equal([Change<Person, string>.Add("Alice", Alice), Change<Person, string>.Add("Bob", Bob)], results.Changes);
        Assert.Equal(2, results.Messages.Count);
        Assert.Equal(new Dictionary<string, Person> { ["Alice"] = Alice, ["Bob"] = Bob }, Contents(cache));
    }

    // ----- Dispose -----

    [Fact]
    public void Dispose_completes_every_subscriber_and_later_edits_throw()
    {
        var cache = NewCache();
        cache.AddOrUpdate(Alice);
        using var first = new ChangeSetAggregator<Person, int>(cache.Connect());
        using var second = new ChangeSetAggregator<Person, int>(cache.Connect());

        cache.Dispose();
        cache.Dispose();

        Assert.True(first.IsCompleted);
        Assert.True(second.IsCompleted);
        Assert.Null(first.Error);
        Assert.Equal([PersonChange.Add(1, Alice)], second.Changes);
        Assert.Throws<ObjectDisposedException>(() => cache.AddOrUpdate(Bob));
        Assert.Throws<ObjectDisposedException>(() => cache.AddOrUpdate(Alicia));
        Assert.Single(first.Messages);

        using var late = new ChangeSetAggregator<Person, int>(cache.Connect());
        Assert.True(late.IsCompleted);
        Assert.Empty(late.Messages);
    }

    // ----- subscribers calling back / throwing -----

    [Fact]
    public void An_edit_made_from_OnNext_is_delivered_to_everyone_after_the_current_change_set()
    {
        using var cache = NewCache();
        using var reentrant = cache.Connect().Subscribe(changes =>
        {
            if (changes.Any(c => c is { Key: 1, Reason: ChangeReason.Add }))
            {
                cache.AddOrUpdate(Bob);
            }
        });
        using var later = new ChangeSetAggregator<Person, int>(cache.Connect());

        cache.AddOrUpdate(Alice);

        Assert.Equal(2, later.Messages.Count);
        Assert.Equal([PersonChange.Add(1, Alice)], later.Messages[0]);
        Assert.Equal([PersonChange.Add(2, Bob)], later.Messages[1]);
        Assert.Empty(later.Inconsistencies);
    }

    [Fact]
    public void Connect_from_OnNext_starts_from_the_committed_state_and_never_repeats_a_queued_change_set()
    {
        using var cache = NewCache();
        ChangeSetAggregator<Person, int>? joined = null;
        using var reentrant = cache.Connect().Subscribe(changes =>
        {
            if (changes.Any(c => c is { Key: 1, Reason: ChangeReason.Add }))
            {
                cache.AddOrUpdate(Bob); // committed at once, delivered after the current change set
                joined = new ChangeSetAggregator<Person, int>(cache.Connect());
                Assert.Empty(joined.Messages); // its snapshot waits behind the change sets queued before it
            }
        });

        cache.AddOrUpdate(Alice);
        cache.AddOrUpdate(Carol);

        using (joined)
        {
            Assert.NotNull(joined);
            Assert.Equal(2, joined.Messages.Count);
            Assert.Equal([PersonChange.Add(1, Alice), PersonChange.Add(2, Bob)], joined.Messages[0].OrderBy(c => c.Key));
            Assert.Equal([PersonChange.Add(3, Carol)], joined.Messages[1]);
            Assert.Empty(joined.Inconsistencies);
        }
    }

    [Fact]
    public void Dispose_from_OnNext_completes_subscribers_after_the_current_change_set()
    {
        var cache = NewCache();
        using var disposer = cache.Connect().Subscribe(_ => cache.Dispose());
        using var later = new ChangeSetAggregator<Person, int>(cache.Connect());

        cache.AddOrUpdate(Alice);

        Assert.Equal([PersonChange.Add(1, Alice)], later.Changes);
        Assert.True(later.IsCompleted);
        Assert.Empty(later.Inconsistencies);
    }

    [Fact]
    public void A_throwing_subscriber_is_detached_without_corrupting_the_cache_or_other_subscribers()
    {
        using var cache = NewCache();
        var calls = 0;
        using var thrower = cache.Connect().Subscribe(_ =>
        {
            calls++;
            throw new InvalidOperationException("boom");
        });
        using var healthy = new ChangeSetAggregator<Person, int>(cache.Connect());

        var error = Assert.Throws<InvalidOperationException>(() => cache.AddOrUpdate(Alice));
        cache.AddOrUpdate(Bob);

        Assert.Equal("boom", error.Message);
        Assert.Equal(1, calls);
        Assert.Equal(new Dictionary<int, Person> { [1] = Alice, [2] = Bob }, Contents(cache));
        Assert.Equal([PersonChange.Add(1, Alice), PersonChange.Add(2, Bob)], healthy.Changes);
        Assert.Empty(healthy.Inconsistencies);
    }

    [Fact]
    public void Several_throwing_subscribers_surface_as_an_AggregateException()
    {
        using var cache = NewCache();
        using var first = cache.Connect().Subscribe(_ => throw new InvalidOperationException("one"));
        using var second = cache.Connect().Subscribe(_ => throw new InvalidOperationException("two"));

        var error = Assert.Throws<AggregateException>(() => cache.AddOrUpdate(Alice));

        Assert.Equal(["one", "two"], error.InnerExceptions.Select(e => e.Message));
        Assert.Equal(new Dictionary<int, Person> { [1] = Alice }, Contents(cache));
    }

    [Fact]
    public void With_a_fault_handler_a_throwing_subscriber_is_reported_and_detached_and_the_edit_succeeds()
    {
        var faults = new List<Exception>();
        using var cache = new SourceCache<Person, int>(p => p.Id, subscriberFault: faults.Add);
        var calls = 0;
        using var thrower = cache.Connect().Subscribe(_ =>
        {
            calls++;
            throw new InvalidOperationException("boom");
        });
        using var healthy = new ChangeSetAggregator<Person, int>(cache.Connect());

        cache.AddOrUpdate(Alice);
        cache.AddOrUpdate(Bob);

        Assert.Equal(["boom"], faults.Select(e => e.Message));
        Assert.Equal(1, calls);
        Assert.Equal([PersonChange.Add(1, Alice), PersonChange.Add(2, Bob)], healthy.Changes);
        Assert.Empty(healthy.Inconsistencies);
    }

    // ----- concurrency -----

    [Fact]
    public void Concurrent_writers_and_subscribers_see_every_change_exactly_once()
    {
        const int Writers = 4;
        const int KeysPerWriter = 250;
        const int Versions = 4;
        const int LateSubscribers = 25;

        using var cache = new SourceCache<Item, int>(i => i.Id);
        using var early = new ChangeSetAggregator<Item, int>(cache.Connect());
        var late = new ConcurrentQueue<ChangeSetAggregator<Item, int>>();
        var failures = new ConcurrentQueue<Exception>();
        using var start = new Barrier(Writers + 1);

        var threads = new List<Thread>();
        for (var w = 0; w < Writers; w++)
        {
            var writer = w;
            threads.Add(new Thread(() => Run(() =>
            {
                start.SignalAndWait();
                for (var v = 0; v < Versions; v++)
                {
                    for (var i = 0; i < KeysPerWriter; i++)
                    {
                        cache.AddOrUpdate(new Item((writer * KeysPerWriter) + i, v));
                    }
                }
            })));
        }

        threads.Add(new Thread(() => Run(() =>
        {
            start.SignalAndWait();
            for (var s = 0; s < LateSubscribers; s++)
            {
                late.Enqueue(new ChangeSetAggregator<Item, int>(cache.Connect()));
            }
        })));

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);
        var expected = Contents(cache).Values.OrderBy(i => i.Id).ToArray();
        Assert.Equal(Writers * KeysPerWriter, expected.Length);
        Assert.All(expected, i => Assert.Equal(Versions - 1, i.Version));

        Assert.Equal(Writers * KeysPerWriter * Versions, early.Messages.Count(m => m.Count == 1 && m.Adds + m.Updates == 1));
        Assert.Equal(Writers * KeysPerWriter, early.Changes.Count(c => c.Reason == ChangeReason.Add));
        Assert.Equal(Writers * KeysPerWriter * (Versions - 1), early.Changes.Count(c => c.Reason == ChangeReason.Update));

        Assert.Equal(LateSubscribers, late.Count);
        foreach (var results in late.Prepend(early))
        {
            Assert.Empty(results.Inconsistencies);
            Assert.Null(results.Error);
            Assert.Equal(expected, results.Data.Values.OrderBy(i => i.Id));
            AssertEachKeyHistoryIsGapFree(results.Changes);
            results.Dispose();
        }

        void Run(Action body)
        {
            try
            {
                body();
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex);
            }
        }
    }

    // Per key: one Add, then Updates whose versions go up by exactly one and chain Previous to the last
    // Current. A duplicated or missed change breaks the chain.
    private static void AssertEachKeyHistoryIsGapFree(IReadOnlyList<Change<Item, int>> changes)
    {
        foreach (var history in changes.GroupBy(c => c.Key))
        {
            var list = history.ToList();
            Assert.Equal(ChangeReason.Add, list[0].Reason);
            var last = list[0].Current;
            foreach (var change in list.Skip(1))
            {
                Assert.True(change.Reason == ChangeReason.Update, $"unexpected {change} for key {history.Key}");
                Assert.Equal(last, change.Previous);
                Assert.Equal(last.Version + 1, change.Current.Version);
                last = change.Current;
            }
        }
    }
}
