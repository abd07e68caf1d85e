using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Elex.Sync.Transport;

/// <summary>
/// State, closure and inbox of one transport, kept consistent under one lock: whoever closes first decides the
/// closure, and the inbox ends the same way (normally, or with the closure as the error).
/// </summary>
internal sealed class TransportLifecycle(Channel<byte[]> inbox)
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<SyncTransportClosure> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SyncTransportState _state;
    private SyncTransportClosure? _closure;

    public SyncTransportState State
    {
        get { lock (_gate) return _state; }
    }

    public Task<SyncTransportClosure> Completion => _completion.Task;

    public ChannelWriter<byte[]> Inbox => inbox.Writer;

    public void BeginConnect()
    {
        lock (_gate)
        {
            if (_state == SyncTransportState.Created)
            {
                _state = SyncTransportState.Connecting;
                return;
            }
        }
        throw new InvalidOperationException("ConnectAsync may be called once per transport; create a new transport to reconnect.");
    }

    /// <summary>False when the transport was closed while connecting.</summary>
    public bool TryMarkConnected()
    {
        lock (_gate)
        {
            if (_state != SyncTransportState.Connecting) return false;
            _state = SyncTransportState.Connected;
            return true;
        }
    }

    /// <summary>Closes with <paramref name="closure"/> unless already closed; false when another closure came first.</summary>
    public bool TryClose(SyncTransportClosure closure)
    {
        lock (_gate)
        {
            if (_state == SyncTransportState.Closed) return false;
            _state = SyncTransportState.Closed;
            _closure = closure;
        }
        inbox.Writer.TryComplete(closure.IsNormal ? null : new SyncTransportClosedException(closure));
        _completion.TrySetResult(closure);
        return true;
    }

    public void ThrowIfNotConnected()
    {
        SyncTransportClosure? closure;
        lock (_gate)
        {
            if (_state == SyncTransportState.Connected) return;
            closure = _closure;
        }
        throw closure is null
            ? new InvalidOperationException("The transport is not connected yet; call ConnectAsync first.")
            : new SyncTransportClosedException(closure);
    }

    /// <summary>The exception for a closed transport; only valid once closed.</summary>
    public SyncTransportClosedException ClosedException()
    {
        lock (_gate) return new SyncTransportClosedException(_closure ?? throw new InvalidOperationException("The transport is not closed."));
    }

    public async IAsyncEnumerable<byte[]> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = inbox.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var message)) yield return message;
        }
    }
}
