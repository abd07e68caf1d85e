using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Elex.Benchmarks.Server;

/// <summary>
/// The alternative the server did not take, measured the same way: a SignalR hub on loopback Kestrel broadcasting
/// the same JSON to 1,000 WebSocket clients (bare <see cref="ClientWebSocket"/>s speaking the JSON hub protocol, no
/// negotiate round trip), for the memory per subscriber and the time to fan events out.
/// </summary>
internal sealed class SignalRFeed : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ClientWebSocket> _clients = [];
    private readonly List<Task> _readers = [];
    private readonly CancellationTokenSource _stop = new();
    private long _messages;

    private SignalRFeed(WebApplication app) => _app = app;

    public long Messages => Interlocked.Read(ref _messages);

    public static async Task<SignalRFeed> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls=http://127.0.0.1:0"]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<FeedHub>("/feed");
        await app.StartAsync();
        return new SignalRFeed(app);
    }

    public async Task ConnectAsync(int count)
    {
        var address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        var uri = new Uri($"ws://{address.Authority}/feed");
        var handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
        for (var i = 0; i < count; i++)
        {
            var client = new ClientWebSocket();
            await client.ConnectAsync(uri, CancellationToken.None);
            await client.SendAsync(handshake, WebSocketMessageType.Text, true, CancellationToken.None);
            _clients.Add(client);
            _readers.Add(ReadAsync(client));
        }
        // Every client has its handshake answer (one record) before anything is broadcast.
        var waited = Stopwatch.StartNew();
        while (Messages < count && waited.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20);
        Interlocked.Exchange(ref _messages, 0);
    }

    /// <summary>Broadcasts <paramref name="data"/> once to every client.</summary>
    public Task BroadcastAsync(string data) =>
        _app.Services.GetRequiredService<IHubContext<FeedHub>>().Clients.All.SendAsync("responses", data);

    private async Task ReadAsync(ClientWebSocket client)
    {
        var buffer = new byte[2048];
        try
        {
            while (true)
            {
                var result = await client.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) return;
                // A hub protocol record ends with 0x1E, one per message.
                Interlocked.Add(ref _messages, buffer.AsSpan(0, result.Count).Count((byte)0x1e));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var client in _clients) client.Abort();
        await Task.WhenAll(_readers);
        foreach (var client in _clients) client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stop.Dispose();
    }

    /// <summary>A hub with nothing to call: the server only broadcasts.</summary>
    internal sealed class FeedHub : Hub;
}
