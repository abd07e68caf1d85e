using Elex.Streams.Cache;

namespace Elex.Streams.Tests.Cache;

using Account = ConnectFilterTests.Account;
using AccountChange = Change<ConnectFilterTests.Account, int>;
using Person = ConnectFilterTests.Person;
using PersonChange = Change<ConnectFilterTests.Person, int>;

public sealed class ConnectFilterTests
{
    private static readonly Person Young = new(1, 20);
    private static readonly Person Old = new(1, 70);
    private static readonly Person Older = new(1, 80);
    private static readonly Person OtherOld = new(2, 90);

    public sealed record Person(int Id, int Age);

    /// <summary>Mutable, so that a Refresh is meaningful.</summary>
    public sealed class Account(int id, decimal balance)
    {
        public int Id { get; } = id;

        public decimal Balance { get; set; } = balance;

        public override string ToString() => $"Account {Id}: {Balance}";
    }

    private static bool IsOld(Person p) => p.Age >= 65;

    private static SourceCache<Person, int> NewCache() => new(p => p.Id);

    [Fact]
    public void The_initial_snapshot_holds_only_matching_items()
    {
        using var cache = NewCache();
        cache.AddOrUpdate([new Person(1, 20), new Person(2, 70), new Person(3, 90)]);

        using var results = new ChangeSetAggregator<Person, int>(cache.Connect(IsOld));

        var snapshot = Assert.Single(results.Messages);
        Assert.Equal([PersonChange.Add(2, new Person(2, 70)), PersonChange.Add(3, new Person(3, 90))], snapshot.OrderBy(c => c.Key));
        Assert.Equal(2, snapshot.Adds);
    }

    [Fact]
    public void When_nothing_matches_no_change_set_is_emitted()
    {
        using var cache = NewCache();
        cache.AddOrUpdate(Young);
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect(IsOld));

        cache.AddOrUpdate(new Person(2, 30));
        cache.Remove(1);
        cache.Refresh(2);

        Assert.Empty(results.Messages);
    }

    [Fact]
    public void An_update_that_still_matches_stays_an_Update()
    {
        using var cache = NewCache();
        cache.AddOrUpdate(Old);
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect(IsOld));

        cache.AddOrUpdate(Older);

        Assert.Equal([PersonChange.Add(1, Old), PersonChange.Update(1, Older, Old)], results.Changes);
        Assert.Equal(Older, results.Data[1]);
    }

    [Fact]
    public void An_update_that_no_longer_matches_becomes_a_Remove_of_the_value_the_subscriber_had()
    {
        using var cache = NewCache();
        cache.AddOrUpdate(Old);
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect(IsOld));

        cache.AddOrUpdate(Young);

        Assert.Equal(2, results.Messages.Count);
        Assert.Equal([PersonChange.Remove(1, Old)], results.Messages[1]);
        Assert.Equal(1, results.Messages[1].Removes);
        Assert.Empty(results.Data);
        Assert.Empty(results.Inconsistencies);
    }

    [Fact]
    public void An_update_that_newly_matches_becomes_an_Add()
    {
        using var cache = NewCache();
        cache.AddOrUpdate(Young);
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect(IsOld));

        cache.AddOrUpdate(Old);

        var message = Assert.Single(results.Messages);
        Assert.Equal([PersonChange.Add(1, Old)], message);
        Assert.Equal(1, message.Adds);
        Assert.Equal(Old, results.Data[1]);
    }

    [Fact]
    public void Removes_reach_only_subscribers_that_saw_the_item()
    {
        using var cache = NewCache();
        cache.AddOrUpdate([Young, OtherOld]);
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect(IsOld));

        cache.Remove([1, 2]);

        Assert.Equal(2, results.Messages.Count);
        Assert.Equal([PersonChange.Remove(2, OtherOld)], results.Messages[1]);
        Assert.Empty(results.Inconsistencies);
    }

    [Fact]
    public void Clear_removes_only_the_matching_items()
    {
        using var cache = NewCache();
        cache.AddOrUpdate([Young, OtherOld]);
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect(IsOld));

        cache.Clear();

        Assert.Equal([PersonChange.Remove(2, OtherOld)], results.Messages[1]);
        Assert.Empty(results.Data);
    }

    [Fact]
    public void A_refresh_re_evaluates_the_predicate()
    {
        using var cache = new SourceCache<Account, int>(a => a.Id);
        var account = new Account(1, 10m);
        cache.AddOrUpdate(account);
        using var rich = new ChangeSetAggregator<Account, int>(cache.Connect(a => a.Balance >= 100m));

        account.Balance = 500m;
        cache.Refresh(1); // newly matches
        account.Balance = 600m;
        cache.Refresh(1); // still matches
        account.Balance = 5m;
        cache.Refresh(1); // no longer matches
        cache.Refresh(1); // still does not match: nothing

        Assert.Equal(3, rich.Messages.Count);
        Assert.Equal([AccountChange.Add(1, account)], rich.Messages[0]);
        Assert.Equal([AccountChange.Refresh(1, account)], rich.Messages[1]);
        Assert.Equal([AccountChange.Remove(1, account)], rich.Messages[2]);
        Assert.Empty(rich.Data);
        Assert.Empty(rich.Inconsistencies);
    }

    [Fact]
    public void A_batch_is_filtered_into_one_change_set_with_the_visible_changes_only()
    {
        using var cache = NewCache();
        cache.AddOrUpdate([Old, new Person(2, 10), new Person(3, 70)]);
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect(IsOld));

        cache.Edit(u =>
        {
            u.AddOrUpdate(Young);                  // 1 leaves: Remove
            u.AddOrUpdate(new Person(2, 66));      // 2 enters: Add
            u.AddOrUpdate(new Person(3, 71));      // 3 stays: Update
            u.AddOrUpdate(new Person(4, 5));       // 4 never visible
            u.Remove(4);
            u.AddOrUpdate(new Person(5, 99));      // 5 added
        });

        Assert.Equal(2, results.Messages.Count);
        var batch = results.Messages[1];
        Assert.Equal(
            [
                PersonChange.Remove(1, Old),
                PersonChange.Add(2, new Person(2, 66)),
                PersonChange.Update(3, new Person(3, 71), new Person(3, 70)),
                PersonChange.Add(5, new Person(5, 99)),
            ],
            batch);
        Assert.Equal((2, 1, 1, 0), (batch.Adds, batch.Updates, batch.Removes, batch.Refreshes));
        Assert.Equal([2, 3, 5], results.Data.Keys.Order());
        Assert.Empty(results.Inconsistencies);
    }

    [Fact]
    public void Subscribers_with_different_predicates_each_see_their_own_view()
    {
        using var cache = NewCache();
        using var old = new ChangeSetAggregator<Person, int>(cache.Connect(IsOld));
        using var young = new ChangeSetAggregator<Person, int>(cache.Connect(p => !IsOld(p)));
        using var all = new ChangeSetAggregator<Person, int>(cache.Connect());

        cache.AddOrUpdate(Young);
        cache.AddOrUpdate(Old);

        Assert.Equal([PersonChange.Add(1, Old)], old.Changes);
        Assert.Equal([PersonChange.Add(1, Young), PersonChange.Remove(1, Young)], young.Changes);
        Assert.Equal([PersonChange.Add(1, Young), PersonChange.Update(1, Old, Young)], all.Changes);
        Assert.Equal(cache.Items, all.Data.Values);
    }

    [Fact]
    public void A_throwing_predicate_errors_only_its_own_subscriber()
    {
        using var cache = NewCache();
        using var faulty = new ChangeSetAggregator<Person, int>(cache.Connect(p => p.Age > 50 ? throw new InvalidOperationException("bad predicate") : true));
        using var healthy = new ChangeSetAggregator<Person, int>(cache.Connect(IsOld));

        cache.AddOrUpdate(Young);
        cache.AddOrUpdate(Old); // predicate throws: no exception for the editor
        cache.AddOrUpdate(OtherOld);

        Assert.Equal("bad predicate", Assert.IsType<InvalidOperationException>(faulty.Error).Message);
        Assert.Equal([PersonChange.Add(1, Young)], faulty.Changes);
        Assert.Equal([PersonChange.Add(1, Old), PersonChange.Add(2, OtherOld)], healthy.Changes);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void A_throwing_predicate_during_the_snapshot_errors_the_new_subscriber()
    {
        using var cache = NewCache();
        cache.AddOrUpdate(Old);

        using var faulty = new ChangeSetAggregator<Person, int>(cache.Connect(_ => throw new InvalidOperationException("bad predicate")));
        cache.AddOrUpdate(OtherOld);

        Assert.IsType<InvalidOperationException>(faulty.Error);
        Assert.Empty(faulty.Messages);
    }

    [Fact]
    public void Filtered_subscribers_complete_on_Dispose()
    {
        var cache = NewCache();
        using var results = new ChangeSetAggregator<Person, int>(cache.Connect(IsOld));

        cache.Dispose();

        Assert.True(results.IsCompleted);
    }
}
