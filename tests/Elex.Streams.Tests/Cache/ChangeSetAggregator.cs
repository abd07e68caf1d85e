using Elex.Streams.Cache;

namespace Elex.Streams.Tests.Cache;

/// <summary>
/// Test helper: subscribes to a change-set stream and records every change set, the data maintained from
/// the changes, the error and the completion. Changes that contradict the data maintained so far (an Add of
/// a present key, an Update whose Previous differs from the held value, a Remove or Refresh, which the cache
/// never publishes) are recorded in <see cref="Inconsistencies"/> rather than thrown, so they cannot disturb
/// the source.
/// </summary>
public sealed class ChangeSetAggregator<TObject, TKey> : IDisposable
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly List<IChangeSet<TObject, TKey>> _messages = [];
    private readonly Dictionary<TKey, TObject> _data;
    private readonly List<string> _inconsistencies = [];
    private readonly IDisposable _subscription;
    private Exception? _error;
    private bool _completed;

    public ChangeSetAggregator(IObservable<IChangeSet<TObject, TKey>> source)
    {
        _data = [];
        _subscription = source.Subscribe(OnNext, OnError, OnCompleted);
    }

    public IReadOnlyList<IChangeSet<TObject, TKey>> Messages { get { lock (_gate) { return [.. _messages]; } } }

    /// <summary>Every change of every change set, in order.</summary>
    public IReadOnlyList<Change<TObject, TKey>> Changes { get { lock (_gate) { return [.. _messages.SelectMany(m => m)]; } } }

    public IReadOnlyDictionary<TKey, TObject> Data { get { lock (_gate) { return new Dictionary<TKey, TObject>(_data); } } }

    public IReadOnlyList<string> Inconsistencies { get { lock (_gate) { return [.. _inconsistencies]; } } }

    public Exception? Error { get { lock (_gate) { return _error; } } }

    public bool IsCompleted { get { lock (_gate) { return _completed; } } }

    public void Dispose() => _subscription.Dispose();

    private void OnNext(IChangeSet<TObject, TKey> changes)
    {
        lock (_gate)
        {
            if (_completed || _error is not null)
            {
                _inconsistencies.Add($"change set after termination: {changes}");
            }

            if (changes.Count == 0)
            {
                _inconsistencies.Add("empty change set");
            }

            if (changes.Adds + changes.Updates + changes.Removes + changes.Refreshes != changes.Count)
            {
                _inconsistencies.Add($"counts do not add up: {changes}");
            }

            _messages.Add(changes);
            foreach (var change in changes)
            {
                Apply(change);
            }
        }
    }

    private void Apply(Change<TObject, TKey> change)
    {
        var present = _data.TryGetValue(change.Key, out var held);
        switch (change.Reason)
        {
            case ChangeReason.Add:
                if (present)
                {
                    _inconsistencies.Add($"{change}: key already present");
                }

                _data[change.Key] = change.Current;
                break;
            case ChangeReason.Update:
                if (!present)
                {
                    _inconsistencies.Add($"{change}: key missing");
                }
                else if (!EqualityComparer<TObject>.Default.Equals(held, change.Previous))
                {
                    _inconsistencies.Add($"{change}: previous differs from held {held}");
                }

                _data[change.Key] = change.Current;
                break;
            default:
                // The cache publishes only Adds and Updates; anything else is a change it never made.
                _inconsistencies.Add($"{change}: unexpected reason");
                break;
        }
    }

    private void OnError(Exception error)
    {
        lock (_gate)
        {
            _error = error;
        }
    }

    private void OnCompleted()
    {
        lock (_gate)
        {
            _completed = true;
        }
    }
}
