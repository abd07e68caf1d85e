using System.Collections.Concurrent;
using Elex.Streams.Cache;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Cache;

using Item = SourceCacheTests.Item;
using Person = SourceCacheTests.Person;
using PersonChange = Change<SourceCacheTests.Person, int>;

public sealed class SourceCacheTests : ReactiveTest
{
    private static readonly Person Alice = new(1, "Alice", 30);
    private static readonly Person Alicia = new(1, "Alicia", 31);
    private static readonly Person Bob = new(2, "Bob", 40);
    private static readonly Person Carol = new(3, "Carol", 50);

    public sealed record Person(int Id, string Name, int Age);

    public sealed record Item(int Id, int Version);

    private static SourceCache<Person, int> NewCache() => new(p => p.Id);

    // ----- Change -----

    [Fact]
    public void Change_factories_enforce_the_shape_of_each_reason()
    {
        var add = PersonChange.Add(1, Alice);
        var update = PersonChange.Update(1, Alicia, Alice);
        var remove = PersonChange.Remove(1, Alicia);
        var refresh = PersonChange.Refresh(1, Alice);

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
        Assert.True(PersonChange.Add(1, Alice) != PersonChange.Refresh(1, Alice));
        Assert.NotEqual(PersonChange.Update(1, Alicia, Alice), PersonChange.Update(1, Alicia, Alicia));
        Assert.NotEqual(PersonChange.Add(1, Alice), PersonChange.Add(2, Alice));
        Assert.Equal(PersonChange.Update(1, Alicia, Alice).GetHashCode(), PersonChange.Update(1, Alicia, Alice).GetHashCode());
    }

    [Fact]
    public void Change_ToString_is_readable()
    {
        Assert.Equal("Add [1] a", Change<string, int>.Add(1, "a").ToString());
        Assert.Equal("Update [1] a -> b", Change<string, int>.Update(1, "b", "a").ToString());
        Assert.Equal("Remove [1] b", Change<string, int>.Remove(1, "b").ToString());
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
        Assert.Equal(1, cache.Count);
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
        Assert.Equal((true, Alicia), cache.Lookup(1));
        Assert.Empty(results.Inconsistencies);
    }

    [Fact]
    public void Remove_emits_a_Remove_carrying_the_removed_value_and_a_missing_key_emits_nothing()
    {
        using var cache = NewCache();
        cache.AddOrUpdate(Alice);
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect());

        cache.Remove(1);
        cache.Remove(1);
        cache.Remove(99);

        Assert.Equal(2, results.Messages.Count);
        Assert.Equal([PersonChange.Remove(1, Alice)], results.Messages[1]);
        Assert.Equal(1, results.Messages[1].Removes);
        Assert.Empty(results.Data);
        Assert.Equal(0, cache.Count);
        Assert.Empty(results.Inconsistencies);
    }

    [Fact]
    public void Refresh_emits_a_Refresh_for_a_present_key_and_nothing_for_a_missing_key()
    {
        using var cache = NewCache();
        cache.AddOrUpdate(Alice);
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect());

        cache.Refresh(1);
        cache.Refresh(99);

        Assert.Equal(2, results.Messages.Count);
        Assert.Equal([PersonChange.Refresh(1, Alice)], results.Messages[1]);
        Assert.Equal(1, results.Messages[1].Refreshes);
    }

    [Fact]
    public void Clear_emits_one_change_set_with_a_Remove_for_every_item_and_nothing_when_empty()
    {
        using var cache = NewCache();
        cache.AddOrUpdate([Alice, Bob, Carol]);
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect());

        cache.Clear();
        cache.Clear();

        Assert.Equal(2, results.Messages.Count);
        var cleared = results.Messages[1];
        Assert.Equal(3, cleared.Removes);
        Assert.Equal(3, cleared.Count);
        Assert.Equal(
            [PersonChange.Remove(1, Alice), PersonChange.Remove(2, Bob), PersonChange.Remove(3, Carol)],
            cleared.OrderBy(c => c.Key));
        Assert.Empty(results.Data);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void AddOrUpdate_and_Remove_of_many_emit_one_change_set_each()
    {
        using var cache = NewCache();
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect());

        cache.AddOrUpdate([Alice, Bob, Alicia]);
        cache.Remove([2, 99, 1]);

        Assert.Equal(2, results.Messages.Count);
        Assert.Equal([PersonChange.Add(1, Alice), PersonChange.Add(2, Bob), PersonChange.Update(1, Alicia, Alice)], results.Messages[0]);
        Assert.Equal([PersonChange.Remove(2, Bob), PersonChange.Remove(1, Alicia)], results.Messages[1]);
        Assert.Empty(results.Data);
        Assert.Empty(results.Inconsistencies);
    }

    // ----- Edit -----

    [Fact]
    public void Edit_batches_every_operation_into_one_change_set_in_order()
    {
        using var cache = NewCache();
        cache.AddOrUpdate([Alice, Bob]);
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect());

        cache.Edit(u =>
        {
            u.AddOrUpdate(Alicia);
            u.Remove(2);
            u.AddOrUpdate(Carol);
            u.Refresh(3);
            u.Remove(42);
            Assert.Equal((true, Alicia), u.Lookup(1));
            Assert.Equal((false, null), u.Lookup(2));
        });

        Assert.Equal(2, results.Messages.Count);
        var batch = results.Messages[1];
        Assert.Equal(
            [PersonChange.Update(1, Alicia, Alice), PersonChange.Remove(2, Bob), PersonChange.Add(3, Carol), PersonChange.Refresh(3, Carol)],
            batch);
        Assert.Equal((1, 1, 1, 1), (batch.Adds, batch.Updates, batch.Removes, batch.Refreshes));
        Assert.Equal(new Dictionary<int, Person> { [1] = Alicia, [3] = Carol }, results.Data);
        Assert.Empty(results.Inconsistencies);
    }

    [Fact]
    public void Edit_that_changes_nothing_emits_nothing()
    {
        using var cache = NewCache();
        cache.AddOrUpdate(Alice);
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect());

        cache.Edit(u =>
        {
            u.Remove(42);
            u.Refresh(43);
            _ = u.Lookup(1);
        });
        cache.Edit(_ => { });

        Assert.Single(results.Messages);
    }

    [Fact]
    public void Edit_that_throws_is_rolled_back_and_emits_nothing()
    {
        using var cache = NewCache();
        cache.AddOrUpdate([Alice, Bob]);
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect());

        var error = Assert.Throws<InvalidOperationException>(() => cache.Edit(u =>
        {
            u.AddOrUpdate(Alicia);
            u.Remove(2);
            u.AddOrUpdate(Carol);
            u.Clear();
            throw new InvalidOperationException("abort");
        }));

        Assert.Equal("abort", error.Message);
        Assert.Single(results.Messages);
        Assert.Equal([Alice, Bob], cache.Items.OrderBy(p => p.Id));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void A_null_item_in_a_batch_rolls_the_batch_back()
    {
        using var cache = NewCache();
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect());

        Assert.Throws<ArgumentNullException>(() => cache.AddOrUpdate([Alice, null!]));

        Assert.Equal(0, cache.Count);
        Assert.Empty(results.Messages);
    }

    [Fact]
    public void The_updater_cannot_be_used_after_Edit_returns()
    {
        using var cache = NewCache();
        ICacheUpdater<Person, int>? captured = null;
        cache.Edit(u => captured = u);

        Assert.Throws<InvalidOperationException>(() => captured!.AddOrUpdate(Alice));
        Assert.Throws<InvalidOperationException>(() => captured!.Lookup(1));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Editing_or_subscribing_from_inside_an_Edit_callback_is_rejected()
    {
        using var cache = NewCache();
        ChangeSetAggregator<Person, int>? inner = null;

        Assert.Throws<InvalidOperationException>(() => cache.Edit(u =>
        {
            u.AddOrUpdate(Alice);
            cache.AddOrUpdate(Bob);
        }));
        cache.Edit(u =>
        {
            u.AddOrUpdate(Alice);
            inner = new ChangeSetAggregator<Person, int>(cache.Connect());
        });

        Assert.IsType<InvalidOperationException>(inner!.Error);
        Assert.Empty(inner.Messages);
        Assert.Equal([Alice], cache.Items);
    }

    // ----- Connect -----

    [Fact]
    public void A_late_subscriber_first_gets_the_contents_as_one_change_set_of_Adds()
    {
        using var cache = NewCache();
        cache.AddOrUpdate([Alice, Bob]);
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

    [Fact]
    public void Lookup_Items_and_Keys_reflect_the_contents()
    {
        using var cache = NewCache();
        cache.AddOrUpdate([Alice, Bob]);

        Assert.Equal((true, Alice), cache.Lookup(1));
        Assert.Equal((false, null), cache.Lookup(99));
        Assert.Equal([Alice, Bob], cache.Items.OrderBy(p => p.Id));
        Assert.Equal([1, 2], cache.Keys.Order());
    }

    [Fact]
    public void Changes_carry_the_stored_key_under_a_custom_comparer()
    {
        using var cache = new SourceCache<(string Name, int Age), string>(p => p.Name, StringComparer.OrdinalIgnoreCase);
        using var results = new ChangeSetAggregator<(string Name, int Age), string>(cache.Connect());

        cache.AddOrUpdate(("alice", 1));
        cache.AddOrUpdate(("ALICE", 2));
        cache.Remove("Alice");

        Assert.Equal(
            [
                Change<(string, int), string>.Add("alice", ("alice", 1)),
                Change<(string, int), string>.Update("alice", ("ALICE", 2), ("alice", 1)),
                Change<(string, int), string>.Remove("alice", ("ALICE", 2)),
            ],
            results.Changes);
        Assert.Empty(results.Inconsistencies);
    }

    // ----- Watch -----

    [Fact]
    public void Watch_emits_the_current_value_then_every_change_of_that_key_only()
    {
        var scheduler = new TestScheduler();
        var observer = scheduler.CreateObserver<PersonChange>();
        var cache = NewCache();
        cache.AddOrUpdate([Alice, Bob]);

        using (cache.Watch(1).Subscribe(observer))
        {
            cache.AddOrUpdate(Alicia);
            cache.Remove(2);
            cache.Refresh(1);
            cache.Remove(1);
            cache.AddOrUpdate(Alice);
            cache.Dispose();
        }

        Assert.Equal(
            [
                OnNext(0, PersonChange.Add(1, Alice)),
                OnNext(0, PersonChange.Update(1, Alicia, Alice)),
                OnNext(0, PersonChange.Refresh(1, Alicia)),
                OnNext(0, PersonChange.Remove(1, Alicia)),
                OnNext(0, PersonChange.Add(1, Alice)),
                OnCompleted<PersonChange>(0),
            ],
            observer.Messages);
    }

    [Fact]
    public void Watch_of_a_missing_key_emits_nothing_until_it_is_added()
    {
        var scheduler = new TestScheduler();
        var observer = scheduler.CreateObserver<PersonChange>();
        using var cache = NewCache();
        cache.AddOrUpdate(Bob);

        using var subscription = cache.Watch(1).Subscribe(observer);
        Assert.Empty(observer.Messages);

        cache.AddOrUpdate(Alice);
        Assert.Equal([OnNext(0, PersonChange.Add(1, Alice))], observer.Messages);
    }

    // ----- argument checks -----

    [Fact]
    public void Argument_checks_are_eager()
    {
        using var cache = new SourceCache<Person, string>(p => p.Name);

        Assert.Throws<ArgumentNullException>("key", () => cache.Watch(null!));
        Assert.Throws<ArgumentNullException>("item", () => cache.AddOrUpdate((Person)null!));
        Assert.Throws<ArgumentNullException>("items", () => cache.AddOrUpdate((IEnumerable<Person>)null!));
        Assert.Throws<ArgumentNullException>("key", () => cache.Remove((string)null!));
        Assert.Throws<ArgumentNullException>("keys", () => cache.Remove((IEnumerable<string>)null!));
        Assert.Throws<ArgumentNullException>("key", () => cache.Refresh(null!));
        Assert.Throws<ArgumentNullException>("key", () => cache.Lookup(null!));
        Assert.Throws<ArgumentNullException>("updateAction", () => cache.Edit(null!));
    }

    // ----- Dispose -----

    [Fact]
    public void Dispose_completes_every_subscriber_and_later_edits_throw()
    {
        var cache = NewCache();
        cache.AddOrUpdate(Alice);
        using var first = new ChangeSetAggregator<Person, int>(cache.Connect());
        using var filtered = new ChangeSetAggregator<Person, int>(cache.Connect(p => p.Age > 100));

        cache.Dispose();
        cache.Dispose();

        Assert.True(first.IsCompleted);
        Assert.True(filtered.IsCompleted);
        Assert.Null(first.Error);
        Assert.Throws<ObjectDisposedException>(() => cache.AddOrUpdate(Bob));
        Assert.Throws<ObjectDisposedException>(() => cache.AddOrUpdate([Bob]));
        Assert.Throws<ObjectDisposedException>(() => cache.Remove(1));
        Assert.Throws<ObjectDisposedException>(() => cache.Remove([1]));
        Assert.Throws<ObjectDisposedException>(() => cache.Refresh(1));
        Assert.Throws<ObjectDisposedException>(() => cache.Clear());
        Assert.Throws<ObjectDisposedException>(() => cache.Edit(_ => { }));
        Assert.Equal([Alice], cache.Items);

        using var late = new ChangeSetAggregator<Person, int>(cache.Connect());
        Assert.True(late.IsCompleted);
        Assert.Empty(late.Messages);
    }

    [Fact]
    public void Dispose_from_inside_an_Edit_callback_rolls_the_edit_back()
    {
        var cache = NewCache();
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect());

        Assert.Throws<ObjectDisposedException>(() => cache.Edit(u =>
        {
            u.AddOrUpdate(Alice);
            cache.Dispose();
        }));

        Assert.True(results.IsCompleted);
        Assert.Empty(results.Messages);
        Assert.Equal(0, cache.Count);
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
                Assert.Equal(2, cache.Count); // committed at once
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
        Assert.Equal([Alice, Bob], cache.Items.OrderBy(p => p.Id));
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
        Assert.Equal(1, cache.Count);
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

                for (var i = 0; i < KeysPerWriter; i += 5)
                {
                    cache.Remove((writer * KeysPerWriter) + i);
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
        var expected = cache.Items.OrderBy(i => i.Id).ToArray();
        Assert.Equal(Writers * KeysPerWriter * 4 / 5, expected.Length);
        Assert.All(expected, i => Assert.Equal(Versions - 1, i.Version));

        Assert.Equal(Writers * KeysPerWriter * Versions, early.Messages.Count(m => m.Count == 1 && m.Adds + m.Updates == 1));
        Assert.Equal(Writers * KeysPerWriter, early.Changes.Count(c => c.Reason == ChangeReason.Add));
        Assert.Equal(Writers * KeysPerWriter / 5, early.Changes.Count(c => c.Reason == ChangeReason.Remove));

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
    // Current, then at most one Remove of the last value. A duplicated or missed change breaks the chain.
    private static void AssertEachKeyHistoryIsGapFree(IReadOnlyList<Change<Item, int>> changes)
    {
        foreach (var history in changes.GroupBy(c => c.Key))
        {
            var list = history.ToList();
            Assert.Equal(ChangeReason.Add, list[0].Reason);
            var last = list[0].Current;
            foreach (var change in list.Skip(1))
            {
                Assert.True(
                    change.Reason is ChangeReason.Update or ChangeReason.Remove,
                    $"unexpected {change} for key {history.Key}");
                if (change.Reason == ChangeReason.Update)
                {
                    Assert.Equal(last, change.Previous);
                    Assert.Equal(last.Version + 1, change.Current.Version);
                }
                else
                {
                    Assert.Equal(last, change.Current);
                    Assert.Equal(change, list[^1]);
                }

                last = change.Current;
            }
        }
    }
}
