namespace Elex.Browser.JsApi;

/// <summary>
/// A swarm's JS subscribers by handle: JavaScript holds a number and .NET the subscription, so
/// subscribing answers like every other call (a value or an error with a code) and unsubscribing
/// names the handle.
/// </summary>
internal sealed class JsSubscriptions
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, IDisposable> _active = [];
    private int _nextHandle;

    /// <summary>How many subscriptions are active.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _active.Count;
        }
    }

    /// <summary>Keeps <paramref name="subscription"/> under a new handle, unique among this swarm's subscriptions.</summary>
    public int Add(IDisposable subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_gate)
        {
            var handle = ++_nextHandle;
            _active[handle] = subscription;
            return handle;
        }
    }

    /// <summary>Ends the subscription under <paramref name="handle"/>; unknown or ended handles are ignored.</summary>
    public void Remove(int handle)
    {
        IDisposable? subscription;
        lock (_gate)
        {
            if (!_active.Remove(handle, out subscription)) return;
        }
        subscription.Dispose();
    }

    /// <summary>Ends every subscription (the swarm is shutting down).</summary>
    public void DisposeAll()
    {
        IDisposable[] all;
        lock (_gate)
        {
            all = [.. _active.Values];
            _active.Clear();
        }
        foreach (var subscription in all) subscription.Dispose();
    }
}
