using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Elex.Streams.Persistence;

namespace Elex.Streams.Operators;

/// <summary>The Persist stage: batches of changed keys in, one outcome per write attempt out.</summary>
internal static class PersistOperator
{
    /// <summary>
    /// Writes each batch of keys with <paramref name="write"/>, one write at a time. Keys that arrive
    /// while a write runs are coalesced into the next one. A write that throws, faults or does not
    /// finish within <see cref="PersistencePolicy.WriteTimeout"/> (its token is then cancelled) is
    /// reported as a failed outcome and its keys are retried — merged with any newer keys — after an
    /// exponential backoff; nothing is dropped while the source runs. When the source ends, what is
    /// left gets <see cref="PersistencePolicy.DrainAttempts"/> attempts, then the stream completes (or
    /// fails with the source's error). Outcomes never carry an exception as OnError. Timers run on
    /// <paramref name="scheduler"/>.
    /// </summary>
    /// <remarks>
    /// <paramref name="write"/> must read the state to write when it is called, not when the keys were
    /// queued: a retry then writes the newest state, and a late completion of an abandoned attempt is ignored.
    /// </remarks>
    public static IObservable<PersistOutcome<TKey>> Persist<TKey>(
        this IObservable<IReadOnlyList<TKey>> source,
        Func<IReadOnlyList<TKey>, CancellationToken, Task> write,
        PersistencePolicy policy,
        IScheduler scheduler)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(scheduler);
        policy.Validate();
        return Observable.Create<PersistOutcome<TKey>>(observer =>
        {
            var sink = new Sink<TKey>(observer, write, policy, scheduler);
            var subscription = source.Subscribe(sink.OnNext, sink.OnError, sink.OnCompleted);
            return new CompositeDisposable(subscription, sink);
        });
    }

    private sealed class Sink<TKey>(
        IObserver<PersistOutcome<TKey>> observer,
        Func<IReadOnlyList<TKey>, CancellationToken, Task> write,
        PersistencePolicy policy,
        IScheduler scheduler) : IDisposable
        where TKey : notnull
    {
        private readonly Lock _gate = new();
        private readonly SerialDisposable _timer = new();
        private List<TKey> _pending = [];
        private readonly HashSet<TKey> _pendingSet = [];
        private List<TKey>? _inFlight;
        private CancellationTokenSource? _cancel;
        private DateTimeOffset _startedAt;
        // Identifies the current attempt, so the completion of an abandoned one is ignored.
        private long _attemptId;
        private int _failures;
        private bool _waitingForRetry;
        private bool _sourceEnded;
        private Exception? _sourceError;
        private int _drainAttemptsLeft;
        private bool _finished;

        public void OnNext(IReadOnlyList<TKey> keys)
        {
            lock (_gate)
            {
                if (_finished || _sourceEnded) return;
                foreach (var key in keys) Enqueue(key);
            }
            TryStart();
        }

        public void OnError(Exception error) => End(error);

        public void OnCompleted() => End(null);

        public void Dispose()
        {
            lock (_gate)
            {
                _finished = true;
                _attemptId++;
                _cancel?.Cancel();
            }
            _timer.Dispose();
        }

        private void End(Exception? error)
        {
            lock (_gate)
            {
                if (_finished || _sourceEnded) return;
                _sourceEnded = true;
                _sourceError = error;
                _drainAttemptsLeft = policy.DrainAttempts;
            }
            TryStart();
        }

        private void Enqueue(TKey key)
        {
            if (_pendingSet.Add(key)) _pending.Add(key);
        }

        private void TryStart()
        {
            List<TKey> keys;
            long id;
            CancellationToken token;
            lock (_gate)
            {
                if (_finished || _inFlight is not null || _waitingForRetry) return;
                if (_pending.Count == 0)
                {
                    if (_sourceEnded) Finish();
                    return;
                }
                if (_sourceEnded) _drainAttemptsLeft--;
                keys = _pending;
                _pending = [];
                _pendingSet.Clear();
                _inFlight = keys;
                id = ++_attemptId;
                _cancel = new CancellationTokenSource();
                token = _cancel.Token;
                _startedAt = scheduler.Now;
                _timer.Disposable = scheduler.Schedule(policy.WriteTimeout, () =>
                    Failed(id, new TimeoutException($"The store did not finish writing {keys.Count} agent(s) within {policy.WriteTimeout.TotalMilliseconds:0} ms.")));
            }

            Task task;
            try
            {
                task = write(keys, token);
            }
            catch (Exception e)
            {
                task = Task.FromException(e);
            }
            task.ContinueWith(
                t =>
                {
                    if (t.IsCompletedSuccessfully) Succeeded(id);
                    else Failed(id, t.Exception?.GetBaseException() ?? new OperationCanceledException("The write was cancelled."));
                },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        private void Succeeded(long id)
        {
            lock (_gate)
            {
                if (_finished || id != _attemptId || _inFlight is not { } keys) return;
                _timer.Disposable = null;
                _inFlight = null;
                var attempt = _failures + 1;
                _failures = 0;
                observer.OnNext(new PersistOutcome<TKey>(keys, true, attempt, scheduler.Now, scheduler.Now - _startedAt));
            }
            TryStart();
        }

        private void Failed(long id, Exception error)
        {
            lock (_gate)
            {
                if (_finished || id != _attemptId || _inFlight is not { } keys) return;
                _attemptId++;
                _cancel?.Cancel();
                _timer.Disposable = null;
                _inFlight = null;
                _failures++;
                // The failed keys go first, newer keys after them, each once.
                var newer = _pending;
                _pending = [];
                _pendingSet.Clear();
                foreach (var key in keys) Enqueue(key);
                foreach (var key in newer) Enqueue(key);
                var now = scheduler.Now;
                if (_sourceEnded && _drainAttemptsLeft <= 0)
                {
                    observer.OnNext(new PersistOutcome<TKey>(keys, false, _failures, now, now - _startedAt, error));
                    _pending.Clear();
                    _pendingSet.Clear();
                    Finish();
                    return;
                }
                var backoff = policy.BackoffAfter(_failures);
                observer.OnNext(new PersistOutcome<TKey>(keys, false, _failures, now, now - _startedAt, error, backoff));
                _waitingForRetry = true;
                _timer.Disposable = scheduler.Schedule(backoff, () =>
                {
                    lock (_gate) _waitingForRetry = false;
                    TryStart();
                });
            }
        }

        // Called under the gate.
        private void Finish()
        {
            if (_finished) return;
            _finished = true;
            if (_sourceError is { } error) observer.OnError(error);
            else observer.OnCompleted();
        }
    }
}
