using System.Runtime.ExceptionServices;

namespace Elex.Streams.Cache;

// Delivery: who receives which change set, in commit order, and how a subscriber's exception reaches the editor.
internal sealed partial class SourceCache<TObject, TKey>
{
    private Subscriber Subscribe(IObserver<IChangeSet<TObject, TKey>> observer)
    {
        lock (_gate)
        {
            var subscriber = new Subscriber(this, observer);
            if (_disposed)
            {
                ThrowIfNotNull(subscriber.Complete());
                return subscriber;
            }

            Subscriber[] current, updated;
            do
            {
                current = Volatile.Read(ref _subscribers);
                updated = [.. current, subscriber];
            }
            while (Interlocked.CompareExchange(ref _subscribers, updated, current) != current);

            if (_items.Count > 0)
            {
                var snapshot = new ChangeSet<TObject, TKey>(_items.Count);
                foreach (var (key, item) in _items)
                {
                    snapshot.Add(Change<TObject, TKey>.Add(key, item));
                }

                // Queued like any change set: if a delivery is in progress (Connect called from OnNext), the
                // change sets queued before were committed before this snapshot and do not list this subscriber.
                _pending.Enqueue(new Delivery(snapshot, [subscriber]));
                DrainIfIdle();
            }

            return subscriber;
        }
    }

    private void Unsubscribe(Subscriber subscriber)
    {
        Subscriber[] current, updated;
        do
        {
            current = Volatile.Read(ref _subscribers);
            var index = Array.IndexOf(current, subscriber);
            if (index < 0)
            {
                return;
            }

            updated = [.. current.AsSpan(0, index), .. current.AsSpan(index + 1)];
        }
        while (Interlocked.CompareExchange(ref _subscribers, updated, current) != current);
    }

    // Called under the lock. The outermost caller delivers everything queued, including change sets queued by
    // reentrant edits made from OnNext; nested callers only enqueue. Observer exceptions go to the fault
    // handler, or without one are collected and rethrown once everything is delivered.
    private void DrainIfIdle()
    {
        if (_delivering)
        {
            return;
        }

        _delivering = true;
        List<Exception>? errors = null;
        try
        {
            while (_pending.TryDequeue(out var delivery))
            {
                foreach (var subscriber in delivery.Recipients)
                {
                    if (subscriber.IsDisposed)
                    {
                        continue;
                    }

                    var error = delivery.Changes is null ? subscriber.Complete() : subscriber.Deliver(delivery.Changes);
                    if (error is not null && _subscriberFault is not null)
                    {
                        _subscriberFault(error);
                    }
                    else if (error is not null)
                    {
                        (errors ??= []).Add(error);
                    }
                }
            }
        }
        finally
        {
            _delivering = false;
        }

        if (errors is { Count: 1 })
        {
            ExceptionDispatchInfo.Throw(errors[0]);
        }

        if (errors is not null)
        {
            throw new AggregateException("Several subscribers threw while change sets were delivered.", errors);
        }
    }

    private static void ThrowIfNotNull(Exception? error)
    {
        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }

    // Changes is null for the completion sent by Dispose.
    private readonly record struct Delivery(ChangeSet<TObject, TKey>? Changes, Subscriber[] Recipients);
}
