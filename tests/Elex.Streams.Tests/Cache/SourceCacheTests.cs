using Elex.Streams.Cache;

namespace Elex.Streams.Tests.Cache;

public class SourceCacheTests
{
    private sealed record Item(string Key, int Value);

    private static SourceCache<Item, string> NewCache() => new(i => i.Key);

    [Fact]
    public void AddUpdateRemoveRefresh_EachEmitsOneSetWithTheRightChange()
    {
        using var cache = NewCache();
        using var agg = new ChangeSetAggregator<Item, string>(cache.Connect());
        cache.AddOrUpdate(new Item("a", 1));
        cache.AddOrUpdate(new Item("a", 2));
        cache.Refresh("a");
        cache.Remove("a");
        Assert.Equal(
            [Change<Item, string>.Add("a", new("a", 1)), Change<Item, string>.Update("a", new("a", 2), new("a", 1)),
             Change<Item, string>.Refresh("a", new("a", 2)), Change<Item, string>.Remove("a", new("a", 2))],
            agg.Messages.Select(m => Assert.Single(m)));
        Assert.Empty(agg.Data);
    }

    [Fact]
    public void Edit_BatchesIntoOneChangeSet()
    {
        using var cache = NewCache();
        using var agg = new ChangeSetAggregator<Item, string>(cache.Connect());
        cache.Edit(u =>
        {
            u.AddOrUpdate(new Item("a", 1));
            u.AddOrUpdate(new Item("b", 1));
            u.AddOrUpdate(new Item("a", 5));
            u.Remove("b");
        });
        var set = Assert.Single(agg.Messages);
        Assert.Equal((2, 1, 1), (set.Adds, set.Updates, set.Removes));
        Assert.Equal(new Item("a", 5), agg.Data["a"]);
    }

    [Fact]
    public void LateSubscriber_GetsSnapshotFirstThenLiveChanges()
    {
        using var cache = NewCache();
        cache.AddOrUpdate([new Item("a", 1), new Item("b", 2)]);
        using var agg = new ChangeSetAggregator<Item, string>(cache.Connect());
        cache.AddOrUpdate(new Item("c", 3));
        Assert.Equal(2, agg.Messages[0].Adds);
        Assert.Equal(2, agg.Messages.Count);
        Assert.Equal(cache.Items.OrderBy(i => i.Key), agg.Data.Values.OrderBy(i => i.Key));
    }

    [Fact]
    public void EmptyCache_NoInitialSet_AndRemovingMissingKeyEmitsNothing()
    {
        using var cache = NewCache();
        using var agg = new ChangeSetAggregator<Item, string>(cache.Connect());
        cache.Remove("missing");
        cache.Refresh("missing");
        Assert.Empty(agg.Messages);
    }

    [Fact]
    public void Clear_RemovesEveryKeyInOneSet()
    {
        using var cache = NewCache();
        cache.AddOrUpdate([new Item("a", 1), new Item("b", 2)]);
        using var agg = new ChangeSetAggregator<Item, string>(cache.Connect());
        cache.Clear();
        Assert.Equal(2, agg.Messages[^1].Removes);
        Assert.Empty(agg.Data);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Filter_UpdatesCrossingThePredicateBecomeAddsAndRemoves()
    {
        using var cache = NewCache();
        using var agg = new ChangeSetAggregator<Item, string>(cache.Connect(i => i.Value > 10));
        cache.AddOrUpdate(new Item("a", 1));   // hidden
        cache.AddOrUpdate(new Item("a", 20));  // becomes visible: Add
        cache.AddOrUpdate(new Item("a", 30));  // stays visible: Update
        cache.AddOrUpdate(new Item("a", 5));   // hidden again: Remove
        Assert.Equal([ChangeReason.Add, ChangeReason.Update, ChangeReason.Remove], agg.Messages.Select(m => Assert.Single(m).Reason));
        Assert.Equal(new Item("a", 30), agg.Messages[2][0].Current);
        Assert.Empty(agg.Data);
    }

    [Fact]
    public void Watch_SeesOnlyItsKey()
    {
        using var cache = NewCache();
        var seen = new List<Change<Item, string>>();
        using var _ = cache.Watch("b").Subscribe(seen.Add);
        cache.AddOrUpdate([new Item("a", 1), new Item("b", 1)]);
        cache.AddOrUpdate(new Item("b", 2));
        Assert.Equal([ChangeReason.Add, ChangeReason.Update], seen.Select(c => c.Reason));
    }

    [Fact]
    public void Dispose_CompletesSubscribersAndLaterEditsThrow()
    {
        var cache = NewCache();
        var agg = new ChangeSetAggregator<Item, string>(cache.Connect());
        cache.Dispose();
        Assert.True(agg.Completed);
        Assert.Throws<ObjectDisposedException>(() => cache.AddOrUpdate(new Item("a", 1)));
    }

    [Fact]
    public void ThrowingObserver_DoesNotCorruptState()
    {
        using var cache = NewCache();
        using var _ = cache.Connect().Subscribe(_ => throw new InvalidOperationException("subscriber bug"));
        Assert.Throws<InvalidOperationException>(() => cache.AddOrUpdate(new Item("a", 1)));
        Assert.True(cache.TryGetValue("a", out var value));
        Assert.Equal(1, value.Value);
    }

    [Fact]
    public void EditFromNotification_Throws()
    {
        using var cache = NewCache();
        Exception? caught = null;
        using var _ = cache.Connect().Subscribe(_ =>
        {
            try { cache.AddOrUpdate(new Item("b", 1)); }
            catch (InvalidOperationException e) { caught = e; }
        });
        cache.AddOrUpdate(new Item("a", 1));
        Assert.NotNull(caught);
        Assert.False(cache.TryGetValue("b", out var _));
    }

    [Fact]
    public void ArgumentChecks_AreEager()
    {
        Assert.Throws<ArgumentNullException>(() => new SourceCache<Item, string>(null!));
        using var cache = NewCache();
        Assert.Throws<ArgumentNullException>(() => cache.Edit(null!));
        Assert.Throws<ArgumentNullException>(() => cache.AddOrUpdate((IEnumerable<Item>)null!));
    }

    [Fact]
    public async Task ConcurrentWritersAndSubscribers_AggregatesEqualTheCache()
    {
        using var cache = NewCache();
        var aggregators = new List<ChangeSetAggregator<Item, string>>();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++) cache.AddOrUpdate(new Item($"k{(w * 37 + i) % 200}", i));
        })).ToList();
        for (var s = 0; s < 4; s++)
        {
            aggregators.Add(new ChangeSetAggregator<Item, string>(cache.Connect()));
            await Task.Yield();
        }
        await Task.WhenAll(writers);
        foreach (var agg in aggregators)
        {
            Assert.Equal(cache.Items.OrderBy(i => i.Key), agg.Data.Values.OrderBy(i => i.Key));
            agg.Dispose();
        }
    }
}
