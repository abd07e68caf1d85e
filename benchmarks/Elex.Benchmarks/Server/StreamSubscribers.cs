using System.Net.Sockets;
using System.Text;

namespace Elex.Benchmarks.Server;

/// <summary>
/// Many clients of <c>GET /stream/responses</c>, each a bare socket that counts the events it reads — no HTTP client
/// stack per subscriber, so the process's memory growth is mostly the server's cost of a subscriber.
/// </summary>
internal sealed class StreamSubscribers : IAsyncDisposable
{
    private static readonly byte[] EventMarker = "event: responses"u8.ToArray();

    private readonly List<Socket> _sockets = [];
    private readonly List<Task> _readers = [];
    private readonly CancellationTokenSource _stop = new();
    private long _events;

    /// <summary>Events read, summed over every subscriber.</summary>
    public long Events => Interlocked.Read(ref _events);

    public static async Task<StreamSubscribers> ConnectAsync(Uri server, int count)
    {
        var subscribers = new StreamSubscribers();
        var request = Encoding.ASCII.GetBytes($"GET /stream/responses HTTP/1.1\r\nHost: {server.Authority}\r\nX-Api-Key: {LoopbackServer.ApiKey}\r\nAccept: text/event-stream\r\n\r\n");
        for (var i = 0; i < count; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(server.Host, server.Port);
            await socket.SendAsync(request);
            subscribers._sockets.Add(socket);
            subscribers._readers.Add(subscribers.ReadAsync(socket));
        }
        return subscribers;
    }

    private async Task ReadAsync(Socket socket)
    {
        var buffer = new byte[2048];
        var carried = 0;   // the tail of the last read that may be the start of a marker split across reads
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(carried), SocketFlags.None, _stop.Token);
                if (read == 0) return;
                var data = buffer.AsSpan(0, carried + read);
                int at;
                while ((at = data.IndexOf(EventMarker)) >= 0)
                {
                    Interlocked.Increment(ref _events);
                    data = data[(at + EventMarker.Length)..];
                }
                carried = Math.Min(data.Length, EventMarker.Length - 1);
                data[^carried..].CopyTo(buffer);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var socket in _sockets) socket.Dispose();
        await Task.WhenAll(_readers);
        _stop.Dispose();
    }
}
