using System.Net.WebSockets;
using System.Threading.Channels;

namespace Elex.Sync.Transport;

/// <summary>
/// A sync connection over a WebSocket (to the sync relay): one binary WebSocket message per sync message,
/// fragmented or not, up to <see cref="WebSocketSyncTransportOptions.MaxMessageBytes"/>.
/// </summary>
public sealed class WebSocketSyncTransport : ISyncTransport
{
    private const string ClosedByClientDescription = "closed by client";

    private readonly ClientWebSocket _socket = new();
    private readonly WebSocketSyncTransportOptions _options;
    private readonly TransportLifecycle _lifecycle;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    // Cancelling a pending connect or receive aborts the socket: the last resort of closing.
    private readonly CancellationTokenSource _abort = new();
    // While closing locally nobody reads any more, so received messages are dropped rather than waited on.
    private readonly CancellationTokenSource _stopDelivering = new();
    private Task _receiving = Task.CompletedTask;
    private volatile bool _closingLocally;
    private int _disposed;

    /// <summary>A transport to <paramref name="endpoint"/> (<c>ws://</c> or <c>wss://</c>, e.g. the relay's <c>/sync</c>); nothing is opened until <see cref="ConnectAsync"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not an absolute ws/wss address.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is out of range.</exception>
    public WebSocketSyncTransport(Uri endpoint, WebSocketSyncTransportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeWs && endpoint.Scheme != Uri.UriSchemeWss))
            throw new ArgumentException($"A sync endpoint is an absolute ws:// or wss:// address, not '{endpoint}'.", nameof(endpoint));
        _options = options ?? new WebSocketSyncTransportOptions();
        _options.Validate();
        Endpoint = endpoint;
        // In a browser the page's WebSocket answers pings itself and .NET cannot set the interval (it throws).
        if (!OperatingSystem.IsBrowser()) _socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
        _lifecycle = new TransportLifecycle(Channel.CreateBounded<byte[]>(
            new BoundedChannelOptions(_options.ReceiveQueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleWriter = true }));
    }

    /// <summary>The address this transport connects to.</summary>
    public Uri Endpoint { get; }

    /// <inheritdoc />
    public SyncTransportState State => _lifecycle.State;

    /// <inheritdoc />
    public Task<SyncTransportClosure> Completion => _lifecycle.Completion;

    /// <inheritdoc />
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        _lifecycle.BeginConnect();
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout);
        using var connectCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token, timeout.Token);
        try
        {
            await _socket.ConnectAsync(Endpoint, connectCancel.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Whatever stopped the handshake (a refused connection, a host without WebSocket support), the transport
            // is closed, never left connecting, so its owner can replace it.
            var timedOut = timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested && !_abort.IsCancellationRequested;
            var description = timedOut ? $"no answer from {Endpoint} within {_options.ConnectTimeout.TotalMilliseconds:0} ms" : e.Message;
            _lifecycle.TryClose(new SyncTransportClosure(SyncCloseReason.ConnectFailed, Description: description, Error: e));
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested) throw;
            throw _lifecycle.ClosedException();
        }
        if (!_lifecycle.TryMarkConnected()) throw _lifecycle.ClosedException();
        _receiving = ReceiveLoopAsync();
    }

    /// <inheritdoc />
    /// <remarks>Cancelling a send that has started aborts the connection: a message cannot be half-sent.</remarks>
    /// <exception cref="ArgumentException"><paramref name="message"/> is larger than <see cref="WebSocketSyncTransportOptions.MaxMessageBytes"/>.</exception>
    public async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        if (message.Length > _options.MaxMessageBytes)
            throw new ArgumentException($"The message has {message.Length} bytes; the limit is {_options.MaxMessageBytes}.", nameof(message));
        _lifecycle.ThrowIfNotConnected();
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _lifecycle.ThrowIfNotConnected();
            await _socket.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (SyncTransportClosedException)
        {
            throw;
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            if (_socket.State == WebSocketState.Aborted) _lifecycle.TryClose(Lost(e, "a send was cancelled mid-message"));
            throw;
        }
        catch (Exception e) when (IsConnectionEnd(e))
        {
            _lifecycle.TryClose(Lost(e, e.Message));
            throw _lifecycle.ClosedException();
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<byte[]> ReceiveAllAsync(CancellationToken cancellationToken = default) =>
        _lifecycle.ReadAllAsync(cancellationToken);

    /// <summary>Closes the connection with status 1000, waiting up to <see cref="WebSocketSyncTransportOptions.CloseTimeout"/> for the peer's answer.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _closingLocally = true;
        await _stopDelivering.CancelAsync().ConfigureAwait(false);
        if (_lifecycle.State is SyncTransportState.Created or SyncTransportState.Connecting)
        {
            _lifecycle.TryClose(new SyncTransportClosure(SyncCloseReason.ClosedLocally));
        }
        else if (_socket.State == WebSocketState.Open)
        {
            await SendCloseAsync(WebSocketCloseStatus.NormalClosure, ClosedByClientDescription).ConfigureAwait(false);
        }

        // The receive loop ends when the peer answers the close; one that does not answer in time is cut off.
        await _receiving.WaitAsync(_options.CloseTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _abort.CancelAsync().ConfigureAwait(false);
        await _receiving.ConfigureAwait(false);
        _lifecycle.TryClose(new SyncTransportClosure(SyncCloseReason.ClosedLocally));
        _socket.Dispose();
        // _sendLock and the token sources hold no timers or handles; a connect still unwinding may use them.
    }

    private async Task ReceiveLoopAsync()
    {
        var reader = new WebSocketMessageReader(_socket, _options.MaxMessageBytes);
        try
        {
            while (true)
            {
                var (outcome, message) = await reader.ReadAsync(_abort.Token).ConfigureAwait(false);
                switch (outcome)
                {
                    case ReadOutcome.Message:
                        await DeliverAsync(message!).ConfigureAwait(false);
                        break;
                    case ReadOutcome.Closed:
                        await AnswerCloseAsync().ConfigureAwait(false);
                        return;
                    case ReadOutcome.TooLarge:
                        await RejectAsync(WebSocketCloseStatus.MessageTooBig, $"message exceeds {_options.MaxMessageBytes} bytes").ConfigureAwait(false);
                        return;
                    default:
                        await RejectAsync(WebSocketCloseStatus.InvalidMessageType, "text frames are not accepted; sync messages are binary").ConfigureAwait(false);
                        return;
                }
            }
        }
        catch (Exception e)
        {
            // The loop runs unobserved: every way it ends becomes the closure.
            _lifecycle.TryClose(_closingLocally ? new SyncTransportClosure(SyncCloseReason.ClosedLocally) : Lost(e, e.Message));
        }
    }

    private async Task DeliverAsync(byte[] message)
    {
        try
        {
            await _lifecycle.Inbox.WriteAsync(message, _stopDelivering.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            // Closing: nobody will read it.
        }
    }

    private async Task AnswerCloseAsync()
    {
        // The closure is decided by the close frame; answering it only completes the handshake.
        var status = (int?)_socket.CloseStatus;
        var description = _socket.CloseStatusDescription;
        _lifecycle.TryClose(_closingLocally
            ? new SyncTransportClosure(SyncCloseReason.ClosedLocally, status, description)
            : new SyncTransportClosure(SyncCloseReason.ClosedByPeer, status, description));
        if (_socket.State == WebSocketState.CloseReceived) await SendCloseAsync(WebSocketCloseStatus.NormalClosure, null).ConfigureAwait(false);
    }

    private async Task RejectAsync(WebSocketCloseStatus status, string reason)
    {
        _lifecycle.TryClose(new SyncTransportClosure(SyncCloseReason.RejectedPeerMessage, (int)status, reason));
        // CloseAsync waits for the peer's answer, discarding what it still sends meanwhile.
        await CloseUnderSendLockAsync(timeout => _socket.CloseAsync(status, reason, timeout)).ConfigureAwait(false);
    }

    private Task SendCloseAsync(WebSocketCloseStatus status, string? description) =>
        CloseUnderSendLockAsync(timeout => _socket.CloseOutputAsync(status, description, timeout));

    /// <summary>Runs <paramref name="close"/> after any send in progress, within the close timeout; failing that, aborts.</summary>
    private async Task CloseUnderSendLockAsync(Func<CancellationToken, Task> close)
    {
        using var timeout = new CancellationTokenSource(_options.CloseTimeout);
        try
        {
            await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await close(timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception e) when (IsConnectionEnd(e))
        {
            _socket.Abort();
        }
    }

    private SyncTransportClosure Lost(Exception error, string description) =>
        _closingLocally
            ? new SyncTransportClosure(SyncCloseReason.ClosedLocally)
            : new SyncTransportClosure(SyncCloseReason.ConnectionLost, Description: description, Error: error);

    private static bool IsConnectionEnd(Exception e) =>
        e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException or HttpRequestException;
}
