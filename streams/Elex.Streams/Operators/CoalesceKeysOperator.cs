using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Elex.Streams.Cache;

namespace Elex.Streams.Operators;

/// <summary>The debounce stage of persistence: keyed change sets in, batches of distinct changed keys out.</summary>
internal static class CoalesceKeysOperator
{
    /// <summary>
    /// Collects the distinct keys of the change sets and emits them as one batch (in first-change order)
    /// when the changes pause for <paramref name="quiet"/> (debounce), when <paramref name="maxBatch"/>
    /// distinct keys are waiting (size), or when the oldest waiting key has waited <paramref name="maxDelay"/>
    /// (so steady traffic cannot postpone a write for ever). A key changed many times appears once.
    /// On completion or error the waiting keys are emitted first, then the completion or error.
    /// Timers run on <paramref name="scheduler"/>.
    /// </summary>
    public static IObservable<IReadOnlyList<TKey>> CoalesceKeys<TObject, TKey>(
        this IObservable<IChangeSet<TObject, TKey>> source, TimeSpan quiet, int maxBatch, TimeSpan maxDelay, IScheduler scheduler)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(quiet, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, quiet);
        return Observable.Create<IReadOnlyList<TKey>>(observer =>
        {
            var sink = new Sink<TObject, TKey>(observer, quiet, maxBatch, maxDelay, scheduler);
            return new CompositeDisposable(source.Subscribe(sink.OnNext, sink.OnError, sink.OnCompleted), sink);
        });
    }

    private sealed class Sink<TObject, TKey>(
        IObserver<IReadOnlyList<TKey>> observer, TimeSpan quiet, int maxBatch, TimeSpan maxDelay, IScheduler scheduler) : IDisposable
        where TKey : notnull
    {
        private readonly Lock _gate = new();
        private readonly HashSet<TKey> _seen = [];
        private readonly SerialDisposable _quietTimer = new();
        private readonly SerialDisposable _delayTimer = new();
        private List<TKey> _waiting = [];
        // Bumped on every flush, so a timer armed for an earlier batch cannot flush a later one.
        private long _batch;
        private bool _done;
        // The quiet timer is armed once per batch and, when it fires early, re-armed for what is left
        // of the quiet period after the last change: one timer per pause instead of one per change.
        private bool _quietArmed;
        private DateTimeOffset _lastChange;

        public void OnNext(IChangeSet<TObject, TKey> changes)
        {
            lock (_gate)
            {
                if (_done) return;
                var wasEmpty = _waiting.Count == 0;
                for (var i = 0; i < changes.Count; i++)
                    if (_seen.Add(changes[i].Key)) _waiting.Add(changes[i].Key);
                if (_waiting.Count == 0) return;
                if (_waiting.Count >= maxBatch)
                {
                    Flush();
                    return;
                }
                _lastChange = scheduler.Now;
                if (!_quietArmed) ArmQuiet(quiet);
                if (wasEmpty)
                {
                    var batch = _batch;
                    _delayTimer.Disposable = scheduler.Schedule(maxDelay, () => FlushFromTimer(batch));
                }
            }
        }

        public void OnError(Exception error)
        {
            lock (_gate)
            {
                if (_done) return;
                Flush();
                _done = true;
                observer.OnError(error);
            }
        }

        public void OnCompleted()
        {
            lock (_gate)
            {
                if (_done) return;
                Flush();
                _done = true;
                observer.OnCompleted();
            }
        }

        public void Dispose()
        {
            _quietTimer.Dispose();
            _delayTimer.Dispose();
        }

        private void ArmQuiet(TimeSpan after)
        {
            _quietArmed = true;
            var batch = _batch;
            _quietTimer.Disposable = scheduler.Schedule(after, () => QuietElapsed(batch));
        }

        private void QuietElapsed(long batch)
        {
            lock (_gate)
            {
                if (_done || batch != _batch) return;
                var left = _lastChange + quiet - scheduler.Now;
                if (left > TimeSpan.Zero) ArmQuiet(left);
                else Flush();
            }
        }

        private void FlushFromTimer(long batch)
        {
            lock (_gate)
            {
                if (!_done && batch == _batch) Flush();
            }
        }

        private void Flush()
        {
            _batch++;
            _quietArmed = false;
            _quietTimer.Disposable = null;
            _delayTimer.Disposable = null;
            if (_waiting.Count == 0) return;
            var keys = _waiting;
            _waiting = [];
            _seen.Clear();
            observer.OnNext(keys);
        }
    }
}
