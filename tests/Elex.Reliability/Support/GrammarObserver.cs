namespace Elex.Reliability.Support;

/// <summary>
/// An observer that checks the Rx grammar <c>OnNext* (OnError | OnCompleted)?</c>: nothing after a
/// terminal notification, at most one terminal, and no overlapping calls (two threads inside the
/// observer at once, detected with an interlocked flag). Violations are recorded, not thrown, so a
/// stream that isolates throwing observers cannot hide them.
/// </summary>
/// <param name="name">The stream's name in messages.</param>
/// <param name="spin">Work done inside each OnNext (<see cref="Thread.SpinWait"/> iterations): a wider
/// window in which an overlapping call is seen. Larger for rare notifications, small on the hot path.</param>
public sealed class GrammarObserver<T>(string name, int spin = 200) : IObserver<T>
{
    private readonly List<string> _violations = [];
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inside;
    private int _terminals;
    private long _count;

    /// <summary>The stream's name in messages.</summary>
    public string Name { get; } = name;

    /// <summary>OnNext calls seen.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>True once OnCompleted was seen.</summary>
    public bool Completed { get; private set; }

    /// <summary>The error, once OnError was seen.</summary>
    public Exception? Error { get; private set; }

    /// <summary>Completes at the first terminal notification.</summary>
    public Task Terminated => _terminated.Task;

    /// <summary>Every violation seen, described.</summary>
    public IReadOnlyList<string> Violations
    {
        get { lock (_violations) return [.. _violations]; }
    }

    /// <inheritdoc />
    public void OnNext(T value)
    {
        Enter("OnNext");
        if (Volatile.Read(ref _terminals) > 0) Violation("OnNext after a terminal notification");
        Interlocked.Increment(ref _count);
        // A little work inside the call widens the window in which an overlapping call would be seen.
        Thread.SpinWait(spin);
        Leave();
    }

    /// <inheritdoc />
    public void OnError(Exception error)
    {
        Enter("OnError");
        Error = error;
        Terminal("OnError");
        Leave();
    }

    /// <inheritdoc />
    public void OnCompleted()
    {
        Enter("OnCompleted");
        Completed = true;
        Terminal("OnCompleted");
        Leave();
    }

    /// <summary>Asserts no violation and exactly one OnCompleted (no OnError).</summary>
    public void AssertCompletedCleanly()
    {
        var violations = Violations;
        Assert.True(violations.Count == 0, $"{Name}: {string.Join("; ", violations.CountBy(v => v).Select(g => $"{g.Value} × {g.Key}"))}");
        Assert.True(Error is null, $"{Name} ended with OnError: {Error}");
        Assert.True(Completed, $"{Name} did not complete");
    }

    private void Terminal(string kind)
    {
        if (Interlocked.Increment(ref _terminals) > 1) Violation($"{kind} after a terminal notification");
        _terminated.TrySetResult();
    }

    private void Enter(string kind)
    {
        if (Interlocked.Exchange(ref _inside, 1) != 0) Violation($"{kind} overlapped another call (concurrent notifications)");
    }

    private void Leave() => Volatile.Write(ref _inside, 0);

    private void Violation(string what)
    {
        lock (_violations) _violations.Add(what);
    }
}
