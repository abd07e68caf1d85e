using Elex.Core.Learning;
using Elex.Core.Queries;

namespace Elex.Core.Tests.Learning;

public sealed class ReplayBufferTests
{
    private static Trajectory T(long timestamp) =>
        new(LearningState.FromIndex(0), ResponseAction.DirectAnswer, 0f, LearningState.FromIndex(1), timestamp);

    [Fact]
    public void Capacity_is_respected_and_the_oldest_dropped()
    {
        var buffer = new ReplayBuffer(3);
        Assert.Empty(buffer.Recent(5));
        for (var i = 1; i <= 5; i++) buffer.Add(T(i));
        Assert.Equal(3, buffer.Count);
        Assert.Equal([3L, 4L, 5L], buffer.ToArray().Select(t => t.Timestamp));
        Assert.Equal([4L, 5L], buffer.Recent(2).Select(t => t.Timestamp));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayBuffer(0));
    }

    [Fact]
    public void TryReplaceReward_ChangesOnlyTheExpectedTrajectory_CountedBackFromTheNewest()
    {
        var buffer = new ReplayBuffer(3);
        for (var i = 1; i <= 5; i++) buffer.Add(T(i)); // the ring has wrapped: 3, 4, 5 held
        Assert.True(buffer.TryReplaceReward(1, T(4), 0.5f));
        Assert.Equal([0f, 0.5f, 0f], buffer.ToArray().Select(t => t.Reward));
        Assert.False(buffer.TryReplaceReward(1, T(4), 1f)); // its reward is 0.5 now, not the 0 expected
        Assert.False(buffer.TryReplaceReward(3, T(2), 1f)); // no longer held
        Assert.False(buffer.TryReplaceReward(-1, T(5), 1f));
        Assert.False(buffer.TryReplaceReward(0, T(5) with { Action = ResponseAction.Escalate }, 1f));
        Assert.Equal([0f, 0.5f, 0f], buffer.ToArray().Select(t => t.Reward));
    }

    [Theory]
    [InlineData(40, 15)]
    [InlineData(40, 16)]
    [InlineData(40, 33)]
    [InlineData(40, 100)]
    [InlineData(1000, 999)]
    public void Growing_storage_keeps_every_trajectory_in_order_then_rings(int capacity, int added)
    {
        var buffer = new ReplayBuffer(capacity);
        for (var i = 1; i <= added; i++) buffer.Add(T(i));
        var expected = Enumerable.Range(Math.Max(1, added - capacity + 1), Math.Min(added, capacity)).Select(i => (long)i);
        Assert.Equal(expected, buffer.ToArray().Select(t => t.Timestamp));
        Assert.Equal(capacity, buffer.Capacity);
    }

    [Fact]
    public void Sample_draws_uniformly_with_replacement_from_held_trajectories()
    {
        var buffer = new ReplayBuffer(4);
        Span<Trajectory> batch = new Trajectory[8];
        Assert.Equal(0, buffer.Sample(new Random(1), batch));
        for (var i = 1; i <= 6; i++) buffer.Add(T(i));
        var counts = new Dictionary<long, int>();
        var random = new Random(7);
        var sample = new Trajectory[8];
        for (var round = 0; round < 500; round++)
        {
            Assert.Equal(8, buffer.Sample(random, sample));
            foreach (var t in sample) counts[t.Timestamp] = counts.GetValueOrDefault(t.Timestamp) + 1;
        }
        Assert.Equal([3L, 4L, 5L, 6L], counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.InRange(c, 850, 1150)); // 1000 expected each
    }

    [Fact]
    public void Concurrent_adds_are_all_counted_up_to_capacity()
    {
        var buffer = new ReplayBuffer(10_000);
        Parallel.For(0, 4, w => { for (var i = 0; i < 1000; i++) buffer.Add(T(w * 1000 + i)); });
        Assert.Equal(4000, buffer.Count);
        Assert.Equal(4000, buffer.ToArray().Select(t => t.Timestamp).Distinct().Count());
    }
}
