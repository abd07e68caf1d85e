using System.Net.WebSockets;

namespace Elex.Sync.Transport;

/// <summary>What one read from the peer produced.</summary>
internal enum ReadOutcome
{
    /// <summary>A whole binary message.</summary>
    Message,

    /// <summary>The peer sent a close frame.</summary>
    Closed,

    /// <summary>The message grew past the size limit; the rest of it was not read.</summary>
    TooLarge,

    /// <summary>The peer sent a text frame; sync messages are binary.</summary>
    Text,
}

/// <summary>Reassembles fragmented binary messages from a WebSocket, never buffering more than the size limit plus one byte.</summary>
internal sealed class WebSocketMessageReader(WebSocket socket, int maxMessageBytes)
{
    // Start small: most deltas are small, and an idle connection should not pin megabytes.
    private const int InitialBufferBytes = 16 * 1024;

    private readonly int _initialBytes = (int)Math.Min(InitialBufferBytes, maxMessageBytes + 1L);
    private byte[] _buffer = [];

    public async ValueTask<(ReadOutcome Outcome, byte[]? Message)> ReadAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Length == 0) _buffer = new byte[_initialBytes];
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length) Array.Resize(ref _buffer, (int)Math.Min(_buffer.Length * 2L, maxMessageBytes + 1L));
            var result = await socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close) return (ReadOutcome.Closed, null);
            if (result.MessageType == WebSocketMessageType.Text) return (ReadOutcome.Text, null);
            length += result.Count;
            if (length > maxMessageBytes) return (ReadOutcome.TooLarge, null);
            if (!result.EndOfMessage) continue;

            var message = _buffer.AsSpan(0, length).ToArray();
            if (_buffer.Length > _initialBytes) _buffer = [];
            return (ReadOutcome.Message, message);
        }
    }
}
