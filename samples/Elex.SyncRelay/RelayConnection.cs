using System.Net.WebSockets;
using System.Threading.Channels;
using Elex.Sync.Transport;

namespace Elex.SyncRelay;

/// <summary>One connected client: a bounded queue of messages for it, a loop sending them, a loop reading its messages.</summary>
internal sealed class RelayConnection
{
    private const string ShutdownReason = "relay shutting down";
    private const string TextReason = "text frames are not accepted; sync messages are binary";

    private readonly RelayHub _hub;
    private readonly ILogger _logger;
    private readonly long _client;
    private readonly Channel<byte[]> _outgoing;
    private volatile bool _closing;
    private Task _shutdownClose = Task.CompletedTask;

    public RelayConnection(RelayHub hub, ILogger logger, long client)
    {
        _hub = hub;
        _logger = logger;
        _client = client;
        // DropOldest: a slow client loses its oldest deltas (newer ones supersede them), never blocks the sender
        // or the other clients, and its queue never holds more than the capacity.
        _outgoing = Channel.CreateBounded<byte[]>(
            new BoundedChannelOptions(hub.Options.ClientQueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => hub.CountDropped());
    }

    /// <summary>Messages waiting to be sent to this client.</summary>
    public int QueueDepth => _outgoing.Reader.Count;

    /// <summary>Queues <paramref name="message"/> without waiting (dropping the oldest when full); returns the queue depth.</summary>
    public int Enqueue(byte[] message)
    {
        _outgoing.Writer.TryWrite(message);
        return _outgoing.Reader.Count;
    }

    /// <summary>Relays until the client closes, breaks a limit, the connection drops, or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(WebSocket socket, CancellationToken stopping)
    {
        using var receiveDeadline = new CancellationTokenSource();
        using var stopSending = new CancellationTokenSource();
        var sending = SendLoopAsync(socket, stopSending.Token);

        string? violation;
        using (stopping.Register(() => BeginShutdown(socket, receiveDeadline)))
        {
            violation = await ReceiveLoopAsync(socket, receiveDeadline.Token).ConfigureAwait(false);
        }

        // Leave before answering the close, so a client that has its close answered is no longer counted.
        _hub.Leave(this);
        _closing = true;
        _outgoing.Writer.TryComplete();
        await FinishCloseAsync(socket, violation).ConfigureAwait(false);
        await _shutdownClose.ConfigureAwait(false);
        await stopSending.CancelAsync().ConfigureAwait(false);
        await sending.ConfigureAwait(false);
    }

    /// <summary>Forwards the client's messages; returns the reason of a limit it broke, or null when it left.</summary>
    private async Task<string?> ReceiveLoopAsync(WebSocket socket, CancellationToken deadline)
    {
        var maxBytes = _hub.Options.MaxMessageBytes;
        var reader = new WebSocketMessageReader(socket, maxBytes);
        try
        {
            while (true)
            {
                var (outcome, message) = await reader.ReadAsync(deadline).ConfigureAwait(false);
                switch (outcome)
                {
                    case ReadOutcome.Message:
                        _hub.Forward(this, message!);
                        break;
                    case ReadOutcome.TooLarge:
                        return $"message exceeds {maxBytes} bytes";
                    case ReadOutcome.Text:
                        return TextReason;
                    default:
                        return null;
                }
            }
        }
        catch (Exception e) when (IsConnectionEnd(e))
        {
            return null;
        }
    }

    private async Task SendLoopAsync(WebSocket socket, CancellationToken stop)
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(stop).ConfigureAwait(false))
            {
                // What is still queued for a closing client is discarded: the close frame goes next.
                if (_closing) return;
                await socket.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, stop).ConfigureAwait(false);
                _hub.CountDelivered();
            }
        }
        catch (Exception e) when (IsConnectionEnd(e))
        {
            // The receive loop sees the same end and winds the connection down.
        }
    }

    private void BeginShutdown(WebSocket socket, CancellationTokenSource receiveDeadline)
    {
        // A client that does not answer the close in time is cut off: the cancelled receive aborts the socket.
        receiveDeadline.CancelAfter(_hub.Options.CloseTimeout);
        _shutdownClose = CloseQuietlyAsync(
            () => socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, ShutdownReason, receiveDeadline.Token),
            socket);
    }

    private async Task FinishCloseAsync(WebSocket socket, string? violation)
    {
        using var timeout = new CancellationTokenSource(_hub.Options.CloseTimeout);
        if (violation is not null && socket.State == WebSocketState.Open)
        {
            RelayLog.Violated(_logger, _client, violation);
            // CloseAsync waits for the client's answer and discards what it still sends meanwhile.
            await CloseQuietlyAsync(() => socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, violation, timeout.Token), socket).ConfigureAwait(false);
        }
        else if (socket.State == WebSocketState.CloseReceived)
        {
            await CloseQuietlyAsync(() => socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token), socket).ConfigureAwait(false);
        }
    }

    private static async Task CloseQuietlyAsync(Func<Task> close, WebSocket socket)
    {
        try
        {
            await close().ConfigureAwait(false);
        }
        catch (Exception e) when (IsConnectionEnd(e))
        {
            socket.Abort();
        }
    }

    private static bool IsConnectionEnd(Exception e) =>
        e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException;
}
