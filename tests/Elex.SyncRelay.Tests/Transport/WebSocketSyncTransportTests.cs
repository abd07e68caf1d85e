using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Elex.Sync.Transport;
using Elex.SyncRelay.Tests.Support;
using static Elex.SyncRelay.Tests.Support.Messages;

namespace Elex.SyncRelay.Tests.Transport;

public sealed class WebSocketSyncTransportTests
{
    [Fact]
    public async Task A_fragmented_message_is_received_whole()
    {
        var whole = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        await using var server = await ScriptedWebSocketServer.StartAsync(async socket =>
        {
            await socket.SendAsync(whole.AsMemory(0, 1), WebSocketMessageType.Binary, endOfMessage: false, CancellationToken.None);
            await socket.SendAsync(whole.AsMemory(1, 60_000), WebSocketMessageType.Binary, endOfMessage: false, CancellationToken.None);
            await socket.SendAsync(whole.AsMemory(60_001), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
            await socket.SendAsync(Text("next"), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
            await ScriptedWebSocketServer.AnswerCloseAsync(socket);
        });
        await using var transport = new WebSocketSyncTransport(server.Endpoint);
        await transport.ConnectAsync().Guarded();
        var received = new Receiver(transport);

        Assert.Equal(whole, await received.NextAsync());
        Assert.Equal("next", await received.NextTextAsync());
    }

    [Fact]
    public async Task An_oversize_message_closes_the_connection_as_message_too_big()
    {
        (WebSocketCloseStatus? Status, string? Description) seenByServer = default;
        await using var server = await ScriptedWebSocketServer.StartAsync(async socket =>
        {
            await socket.SendAsync(new byte[1025], WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
            seenByServer = await ScriptedWebSocketServer.AnswerCloseAsync(socket);
        });
        await using var transport = new WebSocketSyncTransport(server.Endpoint, new WebSocketSyncTransportOptions { MaxMessageBytes = 1024 });
        await transport.ConnectAsync().Guarded();
        var received = new Receiver(transport);

        var closure = await transport.Completion.Guarded();
        await server.ScriptDone.Guarded();

        Assert.Equal(SyncCloseReason.RejectedPeerMessage, closure.Reason);
        Assert.Equal((int)WebSocketCloseStatus.MessageTooBig, closure.StatusCode);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, seenByServer.Status);
        Assert.Equal("message exceeds 1024 bytes", seenByServer.Description);
        var ended = await Assert.ThrowsAsync<SyncTransportClosedException>(received.EndedAsync);
        Assert.Equal(closure, ended.Closure);
    }

    [Fact]
    public async Task A_text_frame_closes_the_connection_as_invalid_message_type()
    {
        (WebSocketCloseStatus? Status, string? Description) seenByServer = default;
        await using var server = await ScriptedWebSocketServer.StartAsync(async socket =>
        {
            await socket.SendAsync(Text("hello"), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            seenByServer = await ScriptedWebSocketServer.AnswerCloseAsync(socket);
        });
        await using var transport = new WebSocketSyncTransport(server.Endpoint);
        await transport.ConnectAsync().Guarded();

        var closure = await transport.Completion.Guarded();
        await server.ScriptDone.Guarded();

        Assert.Equal(SyncCloseReason.RejectedPeerMessage, closure.Reason);
        Assert.Equal(WebSocketCloseStatus.InvalidMessageType, seenByServer.Status);
    }

    [Fact]
    public async Task A_connection_cut_without_a_close_is_reported_as_lost()
    {
        await using var server = await ScriptedWebSocketServer.StartAsync(async socket =>
        {
            // Cut off once the handshake has surely reached the client: it has sent a message.
            await socket.ReceiveAsync(new byte[64], CancellationToken.None);
            socket.Abort();
        });
        await using var transport = new WebSocketSyncTransport(server.Endpoint);
        await transport.ConnectAsync().Guarded();
        var received = new Receiver(transport);
        await transport.SendAsync(Text("ping"));

        var closure = await transport.Completion.Guarded();

        Assert.Equal(SyncCloseReason.ConnectionLost, closure.Reason);
        Assert.NotNull(closure.Error);
        Assert.Equal(SyncTransportState.Closed, transport.State);
        await Assert.ThrowsAsync<SyncTransportClosedException>(received.EndedAsync);
        await Assert.ThrowsAsync<SyncTransportClosedException>(() => transport.SendAsync(Text("lost")));
    }

    [Fact]
    public async Task A_peer_that_closes_normally_ends_the_messages_without_error()
    {
        await using var server = await ScriptedWebSocketServer.StartAsync(async socket =>
        {
            await socket.SendAsync(Text("last"), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        });
        await using var transport = new WebSocketSyncTransport(server.Endpoint);
        await transport.ConnectAsync().Guarded();
        var received = new Receiver(transport);

        Assert.Equal("last", await received.NextTextAsync());
        Assert.True(await received.EndedAsync());
        var closure = await transport.Completion.Guarded();
        Assert.Equal(new SyncTransportClosure(SyncCloseReason.ClosedByPeer, 1000, "done"), closure);
        await server.ScriptDone.Guarded();
    }

    [Fact]
    public async Task Connecting_to_a_closed_port_fails_and_says_so()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var transport = new WebSocketSyncTransport(new Uri($"ws://127.0.0.1:{port}/sync"));

        var failure = await Assert.ThrowsAsync<SyncTransportClosedException>(() => transport.ConnectAsync().Guarded());

        Assert.Equal(SyncCloseReason.ConnectFailed, failure.Closure.Reason);
        Assert.Equal(SyncTransportState.Closed, transport.State);
        Assert.Equal(failure.Closure, await transport.Completion.Guarded());
        await Assert.ThrowsAsync<InvalidOperationException>(() => transport.ConnectAsync());
    }

    [Fact]
    public async Task A_peer_that_never_answers_the_handshake_fails_after_the_connect_timeout()
    {
        // Accepts the TCP connection and then stays silent, as a black-holed host would.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = listener.AcceptTcpClientAsync();
        await using var transport = new WebSocketSyncTransport(new Uri($"ws://127.0.0.1:{port}/sync"),
            new WebSocketSyncTransportOptions { ConnectTimeout = TimeSpan.FromMilliseconds(300) });

        var failure = await Assert.ThrowsAsync<SyncTransportClosedException>(() => transport.ConnectAsync().Guarded());

        Assert.Equal(SyncCloseReason.ConnectFailed, failure.Closure.Reason);
        Assert.Equal($"no answer from ws://127.0.0.1:{port}/sync within 300 ms", failure.Closure.Description);
        Assert.Equal(SyncTransportState.Closed, transport.State);
        (await accepted).Dispose();
    }

    [Fact]
    public async Task A_connect_timeout_must_be_positive_or_infinite()
    {
        var endpoint = new Uri("ws://127.0.0.1:1/sync");

        Assert.Throws<ArgumentOutOfRangeException>(() => new WebSocketSyncTransport(endpoint, new WebSocketSyncTransportOptions { ConnectTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebSocketSyncTransport(endpoint, new WebSocketSyncTransportOptions { ConnectTimeout = TimeSpan.FromDays(30) }));
        await using var waitsForTheSystem = new WebSocketSyncTransport(endpoint, new WebSocketSyncTransportOptions { ConnectTimeout = Timeout.InfiniteTimeSpan });
    }

    [Fact]
    public async Task Misuse_is_refused_up_front()
    {
        await using var relay = await RelayServer.StartAsync();
        await using var transport = new WebSocketSyncTransport(relay.SyncEndpoint, new WebSocketSyncTransportOptions { MaxMessageBytes = 16 });

        Assert.Equal(SyncTransportState.Created, transport.State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => transport.SendAsync(Text("early")));
        await transport.ConnectAsync().Guarded();
        Assert.Equal(SyncTransportState.Connected, transport.State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => transport.ConnectAsync());
        await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(new byte[17]));
        Assert.Throws<ArgumentException>(() => new WebSocketSyncTransport(new Uri("http://127.0.0.1/sync")));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebSocketSyncTransport(relay.SyncEndpoint, new WebSocketSyncTransportOptions { ReceiveQueueCapacity = 0 }));
    }

    [Fact]
    public async Task Disposing_before_connecting_closes_locally()
    {
        var transport = new WebSocketSyncTransport(new Uri("ws://127.0.0.1:1/sync"));

        await transport.DisposeAsync().Guarded();

        Assert.Equal(SyncCloseReason.ClosedLocally, (await transport.Completion.Guarded()).Reason);
        await Assert.ThrowsAsync<InvalidOperationException>(() => transport.ConnectAsync());
    }
}
