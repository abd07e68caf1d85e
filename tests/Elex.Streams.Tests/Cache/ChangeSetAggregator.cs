using Elex.Streams.Cache;

namespace Elex.Streams.Tests.Cache;

/// <summary>Subscribes to a change-set stream and records every set, the data they add up to, errors and completion.</summary>
public sealed class ChangeSetAggregator<TObject, TKey> : IDisposable where TKey : notnull
{
    private readonly object _gate = new();
    private readonly IDisposable _subscription;

    public ChangeSetAggregator(IObservable<IChangeSet<TObject, TKey>> source) =>
        _subscription = source.Subscribe(OnNext, e => Error = e, () => Completed = true);

    public List<IChangeSet<TObject, TKey>> Messages { get; } = [];
    public Dictionary<TKey, TObject> Data { get; } = [];
    public Exception? Error { get; private set; }
    public bool Completed { get; private set; }

    private void OnNext(IChangeSet<TObject, TKey> set)
    {
        lock (_gate)
        {
            Messages.Add(set);
            foreach (var c in set)
            {
                switch (c.Reason)
                {
                    case ChangeReason.Add:
                        Assert.True(Data.TryAdd(c.Key, c.Current), $"Add of existing key {c.Key}");
                        break;
                    case ChangeReason.Update:
                        Assert.True(Data.ContainsKey(c.Key), $"Update of missing key {c.Key}");
                        Data[c.Key] = c.Current;
                        break;
                    case ChangeReason.Remove:
                        Assert.True(Data.Remove(c.Key), $"Remove of missing key {c.Key}");
                        break;
                }
            }
        }
    }

    public void Dispose() => _subscription.Dispose();
}
