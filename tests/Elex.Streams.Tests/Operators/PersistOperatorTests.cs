using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Streams.Operators;
using Elex.Streams.Persistence;
using Elex.Streams.Tests.Marbles;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class PersistOperatorTests : ReactiveTest
{
    // Frames of 10 ticks: timeout 3 frames, backoff 2, 4, 8 ... frames (capped at 8).
    private static readonly PersistencePolicy Policy = new()
    {
        WriteTimeout = TimeSpan.FromTicks(30),
        InitialBackoff = TimeSpan.FromTicks(20),
        MaxBackoff = TimeSpan.FromTicks(80),
        DrainAttempts = 2,
    };

    private enum Behaviour { Ok, Throw, Fault, Hang }

    /// <summary>A write whose attempts behave as scripted (then Ok), recording what each attempt was given.</summary>
    private sealed class ScriptedWrite(params Behaviour[] script)
    {
        private int _next;

        public List<string> Attempts { get; } = [];

        public int Cancelled { get; private set; }

        public Task Write(IReadOnlyList<string> keys, CancellationToken token)
        {
            Attempts.Add(string.Concat(keys));
            var behaviour = _next < script.Length ? script[_next] : Behaviour.Ok;
            _next++;
            switch (behaviour)
            {
                case Behaviour.Throw: throw new IOException("disk full");
                case Behaviour.Fault: return Task.FromException(new InvalidDataException("constraint failed"));
                case Behaviour.Hang:
                    var hung = new TaskCompletionSource();
                    token.Register(() => { Cancelled++; hung.TrySetCanceled(token); });
                    return hung.Task;
                default: return Task.CompletedTask;
            }
        }
    }

    private static string Shape(PersistOutcome<string> o) =>
        $"{(o.Succeeded ? "ok" : o.GaveUp ? "gave-up" : "retry")}:{string.Concat(o.Keys)}#{o.Attempt}";

    [Fact]
    public void Persist_ArgumentChecking()
    {
        var source = Observable.Never<IReadOnlyList<string>>();
        Func<IReadOnlyList<string>, CancellationToken, Task> write = (_, _) => Task.CompletedTask;
        Assert.Throws<ArgumentNullException>(() => ((IObservable<IReadOnlyList<string>>)null!).Persist(write, Policy, Scheduler.Immediate));
        Assert.Throws<ArgumentNullException>(() => source.Persist(null!, Policy, Scheduler.Immediate));
        Assert.Throws<ArgumentNullException>(() => source.Persist(write, null!, Scheduler.Immediate));
        Assert.Throws<ArgumentNullException>(() => source.Persist(write, Policy, null!));
        Assert.Throws<ArgumentException>(() => source.Persist(write, Policy with { MaxBackoff = TimeSpan.FromTicks(1) }, Scheduler.Immediate));
    }

    [Fact]
    public void Persist_Regular_OneOutcomePerWrite()
    {
        var scheduler = new TestScheduler();
        var write = new ScriptedWrite();
        var source = scheduler.CreateHotObservable(
            OnNext<IReadOnlyList<string>>(210, ["a", "b"]),
            OnNext<IReadOnlyList<string>>(220, ["c"]),
            OnCompleted<IReadOnlyList<string>>(230));
        var results = scheduler.Start(() => source.Persist(write.Write, Policy, scheduler).Select(Shape));
        results.Messages.AssertEqual(OnNext(210, "ok:ab#1"), OnNext(220, "ok:c#1"), OnCompleted<string>(230));
    }

    [Fact]
    public void Persist_Failures_RetryWithDoublingBackoff_AndLoseNothing()
    {
        var scheduler = new TestScheduler();
        var write = new ScriptedWrite(Behaviour.Throw, Behaviour.Fault, Behaviour.Throw);
        var source = scheduler.CreateHotObservable(
            OnNext<IReadOnlyList<string>>(210, ["a"]),
            OnNext<IReadOnlyList<string>>(215, ["b", "a"]));
        var outcomes = new List<PersistOutcome<string>>();
        var results = scheduler.Start(() => source.Persist(write.Write, Policy, scheduler).Do(outcomes.Add).Select(Shape));
        // 210 fails, retry at 230 (a, b merged) fails, retry at 270 fails, retry at 350 succeeds.
        results.Messages.AssertEqual(
            OnNext(210, "retry:a#1"), OnNext(230, "retry:ab#2"), OnNext(270, "retry:ab#3"), OnNext(350, "ok:ab#4"));
        Assert.Equal(["a", "ab", "ab", "ab"], write.Attempts);
        Assert.Equal([TimeSpan.FromTicks(20), TimeSpan.FromTicks(40), TimeSpan.FromTicks(80)], outcomes.Where(o => !o.Succeeded).Select(o => o.RetryIn!.Value));
        Assert.IsType<IOException>(outcomes[0].Error);
        Assert.IsType<InvalidDataException>(outcomes[1].Error);
    }

    [Fact]
    public void Persist_HangingStore_TimesOut_IsCancelled_AndRetried()
    {
        var scheduler = new TestScheduler();
        var write = new ScriptedWrite(Behaviour.Hang);
        var source = scheduler.CreateHotObservable(OnNext<IReadOnlyList<string>>(210, ["a"]));
        var outcomes = new List<PersistOutcome<string>>();
        var results = scheduler.Start(() => source.Persist(write.Write, Policy, scheduler).Do(outcomes.Add).Select(Shape));
        results.Messages.AssertEqual(OnNext(240, "retry:a#1"), OnNext(260, "ok:a#2"));
        Assert.IsType<TimeoutException>(outcomes[0].Error);
        Assert.Equal(1, write.Cancelled);
    }

    [Fact]
    public void Persist_KeysArrivingDuringAWrite_AreCoalescedIntoTheNext()
    {
        var scheduler = new TestScheduler();
        var write = new ScriptedWrite(Behaviour.Hang);
        var source = scheduler.CreateHotObservable(
            OnNext<IReadOnlyList<string>>(210, ["a"]),
            OnNext<IReadOnlyList<string>>(215, ["b"]),
            OnNext<IReadOnlyList<string>>(220, ["c", "b"]));
        var results = scheduler.Start(() => source.Persist(write.Write, Policy, scheduler).Select(Shape));
        results.Messages.AssertEqual(OnNext(240, "retry:a#1"), OnNext(260, "ok:abc#2"));
    }

    [Fact]
    public void Persist_SourceCompletes_DrainsWithLimitedAttempts_ThenCompletes()
    {
        var scheduler = new TestScheduler();
        var write = new ScriptedWrite(Behaviour.Throw, Behaviour.Throw, Behaviour.Throw, Behaviour.Throw);
        var source = scheduler.CreateHotObservable(
            OnNext<IReadOnlyList<string>>(210, ["a"]),
            OnCompleted<IReadOnlyList<string>>(212));
        var results = scheduler.Start(() => source.Persist(write.Write, Policy, scheduler).Select(Shape));
        // Attempt 1 ran before completion; after it the drain allows 2 more (230 and 270), then gives up.
        results.Messages.AssertEqual(
            OnNext(210, "retry:a#1"), OnNext(230, "retry:a#2"), OnNext(270, "gave-up:a#3"), OnCompleted<string>(270));
    }

    [Fact]
    public void Persist_SourceError_IsPassedOnAfterTheDrain()
    {
        var scheduler = new TestScheduler();
        var write = new ScriptedWrite();
        var error = new InvalidOperationException("changes broke");
        var source = scheduler.CreateHotObservable(OnNext<IReadOnlyList<string>>(210, ["a"]), OnError<IReadOnlyList<string>>(220, error));
        var results = scheduler.Start(() => source.Persist(write.Write, Policy, scheduler).Select(Shape));
        results.Messages.AssertEqual(OnNext(210, "ok:a#1"), OnError<string>(220, error));
    }

    [Fact]
    public void Persist_Dispose_CancelsAWriteInFlight_AndEmitsNothingMore()
    {
        var scheduler = new TestScheduler();
        var write = new ScriptedWrite(Behaviour.Hang);
        var source = scheduler.CreateHotObservable(OnNext<IReadOnlyList<string>>(210, ["a"]));
        var results = scheduler.Start(() => source.Persist(write.Write, Policy, scheduler).Select(Shape), 200, 200, 220);
        Assert.Empty(results.Messages);
        Assert.Equal(1, write.Cancelled);
        scheduler.AdvanceBy(1000);
        Assert.Single(write.Attempts);
    }

    [Fact]
    public void Persist_Marbles_FailureBackoffSuccess()
    {
        var marbles = new MarbleScheduler();
        var write = new ScriptedWrite(Behaviour.Throw, Behaviour.Throw);
        var source = marbles.Hot<IReadOnlyList<string>>("^-a--b----|", new Dictionary<char, IReadOnlyList<string>> { ['a'] = ["a"], ['b'] = ["b"] });
        var results = marbles.Run(() => source.Persist(write.Write, Policy, marbles.Scheduler).Select(Shape));
        // a fails at 2, the retry at 4 (b not there yet) fails, the retry at 8 writes a and b.
        var shapes = new Dictionary<char, string> { ['1'] = "retry:a#1", ['2'] = "retry:a#2", ['3'] = "ok:ab#3" };
        marbles.ExpectObservable(results).ToBe("--1-2---3-|", shapes);
    }

    [Fact]
    public void Persist_Marbles_HangTimesOut()
    {
        var marbles = new MarbleScheduler();
        var write = new ScriptedWrite(Behaviour.Hang, Behaviour.Hang);
        var source = marbles.Hot<IReadOnlyList<string>>("^-a---------------", new Dictionary<char, IReadOnlyList<string>> { ['a'] = ["a"] });
        var results = marbles.Run(() => source.Persist(write.Write, Policy, marbles.Scheduler).Select(Shape));
        // a at 2 times out at 5, retried at 7, times out at 10, retried at 14 and written.
        var shapes = new Dictionary<char, string> { ['1'] = "retry:a#1", ['2'] = "retry:a#2", ['3'] = "ok:a#3" };
        marbles.ExpectObservable(results).ToBe("-----1----2---3", shapes);
        Assert.Equal(2, write.Cancelled);
    }

    [Fact]
    public void Persist_Never() => OperatorContract.AssertNever<IReadOnlyList<string>, PersistOutcome<string>>((s, sch) => s.Persist((_, _) => Task.CompletedTask, Policy, sch));

    [Fact]
    public void Persist_Empty() => OperatorContract.AssertEmpty<IReadOnlyList<string>, PersistOutcome<string>>((s, sch) => s.Persist((_, _) => Task.CompletedTask, Policy, sch));
}
