using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using System.Net;
using System.Net.WebSockets;

namespace Elex.SyncRelay.Tests.Support;

/// <summary>A WebSocket peer that plays a script, to show a transport what the relay never sends (fragments, text, oversize, aborts).</summary>
internal sealed class ScriptedWebSocketServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _scriptDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ScriptedWebSocketServer(Func<WebSocket, Task> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Map("/", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            try
            {
                await script(socket);
                _scriptDone.TrySetResult();
            }
            catch (Exception e)
            {
                _scriptDone.TrySetException(e);
            }
        });
    }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Completes when the script has run to its end, faulting with what it threw.</summary>
    public Task ScriptDone => _scriptDone.Task;

    public static async Task<ScriptedWebSocketServer> StartAsync(Func<WebSocket, Task> script)
    {
        var server = new ScriptedWebSocketServer(script);
        await server._app.StartAsync().Guarded();
        server.Endpoint = new UriBuilder(server._app.Urls.First()) { Scheme = "ws", Path = "/" }.Uri;
        return server;
    }

    /// <summary>Receives until the client's close frame and answers it; returns the client's close status and reason.</summary>
    public static async Task<(WebSocketCloseStatus? Status, string? Description)> AnswerCloseAsync(WebSocket socket)
    {
        var buffer = new byte[4096];
        while ((await socket.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
        {
        }
        var closing = (socket.CloseStatus, socket.CloseStatusDescription);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        return closing;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
