using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Streams.Cache;
using Elex.Streams.Operators;
using Elex.Streams.Tests.Marbles;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class CoalesceKeysOperatorTests : ReactiveTest
{
    private static IChangeSet<string, string> Changed(params string[] keys)
    {
        var set = new ChangeSet<string, string>();
        foreach (var key in keys) set.Add(Change<string, string>.Add(key, key));
        return set;
    }

    private static readonly Dictionary<char, IChangeSet<string, string>> Sets = new()
    {
        ['a'] = Changed("a"), ['b'] = Changed("b"), ['c'] = Changed("c"), ['x'] = Changed("a", "b", "c"),
    };

    private static string Joined(IReadOnlyList<string> keys) => string.Concat(keys);

    [Fact]
    public void CoalesceKeys_ArgumentChecking()
    {
        var source = Observable.Never<IChangeSet<string, string>>();
        var second = TimeSpan.FromSeconds(1);
        Assert.Throws<ArgumentNullException>(() => ((IObservable<IChangeSet<string, string>>)null!).CoalesceKeys(second, 1, second, Scheduler.Immediate));
        Assert.Throws<ArgumentNullException>(() => source.CoalesceKeys(second, 1, second, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.CoalesceKeys(TimeSpan.Zero, 1, second, Scheduler.Immediate));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.CoalesceKeys(second, 0, second, Scheduler.Immediate));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.CoalesceKeys(second, 1, TimeSpan.FromMilliseconds(10), Scheduler.Immediate));
    }

    [Fact]
    public void CoalesceKeys_Regular_DebouncesAndDeduplicates()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(210, Changed("a")),
            OnNext(220, Changed("b", "a")),
            OnNext(230, Changed("a")),
            OnNext(400, Changed("c")),
            OnCompleted<IChangeSet<string, string>>(500));
        var results = scheduler.Start(() => source.CoalesceKeys(TimeSpan.FromTicks(50), 100, TimeSpan.FromTicks(1000), scheduler).Select(Joined));
        results.Messages.AssertEqual(
            OnNext(280, "ab"),
            OnNext(450, "c"),
            OnCompleted<string>(500));
    }

    [Fact]
    public void CoalesceKeys_SteadyTraffic_WritesAfterMaxDelay()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(Enumerable.Range(0, 20)
            .Select(i => OnNext(210 + i * 10, Changed(((char)('a' + i % 3)).ToString()))).ToArray());
        var results = scheduler.Start(() => source.CoalesceKeys(TimeSpan.FromTicks(20), 100, TimeSpan.FromTicks(60), scheduler).Select(Joined), 200, 200, 450);
        // A change every 10 ticks never leaves 20 quiet ticks; the 60-tick ceiling still writes.
        Assert.Equal([270L, 340L, 410L], results.Messages.Where(m => m.Value.Kind == System.Reactive.NotificationKind.OnNext).Select(m => m.Time));
        Assert.All(results.Messages, m => Assert.Equal("abc", string.Concat(m.Value.Value.Order())));
    }

    [Fact]
    public void CoalesceKeys_FullBatch_WritesAtOnce()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(OnNext(210, Changed("a", "b")), OnNext(220, Changed("c")));
        var results = scheduler.Start(() => source.CoalesceKeys(TimeSpan.FromTicks(50), 3, TimeSpan.FromTicks(100), scheduler).Select(Joined));
        results.Messages.AssertEqual(OnNext(220, "abc"));
    }

    [Fact]
    public void CoalesceKeys_Error_FlushesWaitingKeysFirst()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("x");
        var source = scheduler.CreateHotObservable(OnNext(210, Changed("a")), OnError<IChangeSet<string, string>>(220, error));
        var results = scheduler.Start(() => source.CoalesceKeys(TimeSpan.FromTicks(50), 10, TimeSpan.FromTicks(100), scheduler).Select(Joined));
        results.Messages.AssertEqual(OnNext(220, "a"), OnError<string>(220, error));
    }

    [Fact]
    public void CoalesceKeys_Marbles_Debounce()
    {
        // quiet 3 frames, ceiling 8 frames: a burst is written 3 frames after its last change;
        // the waiting keys are written when the source completes.
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^-a-b-a------c-----x---|", Sets);
        var batches = new Dictionary<char, string> { ['1'] = "ab", ['2'] = "c", ['3'] = "abc" };
        var results = marbles.Run(() => source.CoalesceKeys(marbles.Frames(3), 10, marbles.Frames(8), marbles.Scheduler).Select(Joined));
        marbles.ExpectObservable(results).ToBe("---------1------2-----3|", batches);
    }

    [Fact]
    public void CoalesceKeys_Marbles_CeilingUnderSteadyTraffic()
    {
        // quiet 3 frames never happens; the 5-frame ceiling writes anyway.
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^-a-b-a-b-a-b-#", Sets);
        var batches = new Dictionary<char, string> { ['1'] = "ab", ['2'] = "ba" };
        var results = marbles.Run(() => source.CoalesceKeys(marbles.Frames(3), 10, marbles.Frames(5), marbles.Scheduler).Select(Joined));
        marbles.ExpectObservable(results).ToBe("-------1-----2#", batches);
    }

    [Fact]
    public void CoalesceKeys_Never() => OperatorContract.AssertNever<IChangeSet<string, string>, IReadOnlyList<string>>((s, sch) => s.CoalesceKeys(TimeSpan.FromTicks(20), 8, TimeSpan.FromTicks(100), sch));

    [Fact]
    public void CoalesceKeys_Empty() => OperatorContract.AssertEmpty<IChangeSet<string, string>, IReadOnlyList<string>>((s, sch) => s.CoalesceKeys(TimeSpan.FromTicks(20), 8, TimeSpan.FromTicks(100), sch));

    [Fact]
    public void CoalesceKeys_Burst_ArmsOneQuietTimerPerPauseNotOnePerChange()
    {
        // 40 changes 2 ticks apart, quiet 10: the write still waits for 10 quiet ticks after the last
        // change, but the timers scheduled stay a handful (the ceiling, and the quiet one re-armed
        // only when it fires early), where re-arming on every change would schedule 41.
        var scheduler = new TestScheduler();
        var counting = new CountingScheduler(scheduler);
        var source = scheduler.CreateHotObservable(Enumerable.Range(0, 40)
            .Select(i => OnNext(210 + i * 2, Changed(((char)('a' + i % 3)).ToString()))).ToArray());
        var results = scheduler.Start(() => source.CoalesceKeys(TimeSpan.FromTicks(10), 100, TimeSpan.FromTicks(10_000), counting).Select(Joined), 200, 200, 1_000);
        results.Messages.AssertEqual(OnNext(288 + 10, "abc"));
        Assert.InRange(counting.Scheduled, 2, 12);
    }

    private sealed class CountingScheduler(IScheduler inner) : IScheduler
    {
        public int Scheduled { get; private set; }

        public DateTimeOffset Now => inner.Now;

        public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, (_, s) => action(this, s));
        }

        public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, dueTime, (_, s) => action(this, s));
        }

        public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, dueTime, (_, s) => action(this, s));
        }
    }
}
