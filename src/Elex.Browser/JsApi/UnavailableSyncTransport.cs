using System.Runtime.CompilerServices;
using Elex.Sync.Transport;

namespace Elex.Browser.JsApi;

/// <summary>
/// The transport of a host that cannot open one (Node without a global WebSocket): connecting fails at once
/// as <see cref="SyncCloseReason.ConnectFailed"/> with <see cref="Reason"/>, so the swarm reports it like an
/// unreachable relay instead of the .NET runtime failing inside its WebSocket code.
/// </summary>
public sealed class UnavailableSyncTransport(string reason) : ISyncTransport
{
    private readonly TaskCompletionSource<SyncTransportClosure> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _connectCalled;

    /// <summary>Why no connection can be opened here.</summary>
    public string Reason { get; } = reason;

    /// <inheritdoc />
    public SyncTransportState State => _completion.Task.IsCompleted ? SyncTransportState.Closed : SyncTransportState.Created;

    /// <inheritdoc />
    public Task<SyncTransportClosure> Completion => _completion.Task;

    /// <inheritdoc />
    public Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _connectCalled, 1) != 0)
            throw new InvalidOperationException("ConnectAsync may be called once per transport; create a new transport to reconnect.");
        var closure = new SyncTransportClosure(SyncCloseReason.ConnectFailed, Description: Reason);
        _completion.TrySetResult(closure);
        return Task.FromException(new SyncTransportClosedException(closure));
    }

    /// <inheritdoc />
    public Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        _completion.Task.IsCompleted
            ? Task.FromException(new SyncTransportClosedException(_completion.Task.Result))
            : Task.FromException(new InvalidOperationException("The transport is not connected yet; call ConnectAsync first."));

    /// <inheritdoc />
    public async IAsyncEnumerable<byte[]> ReceiveAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var closure = await _completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!closure.IsNormal) throw new SyncTransportClosedException(closure);
        yield break;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _completion.TrySetResult(new SyncTransportClosure(SyncCloseReason.ClosedLocally));
        return ValueTask.CompletedTask;
    }
}
