using Microsoft.AspNetCore.Builder;
using Elex.Sync.Transport;
using Elex.SyncRelay.Tests.Support;
using static Elex.SyncRelay.Tests.Support.Messages;

namespace Elex.SyncRelay.Tests.Relay;

public sealed class RelayProgramTests
{
    [Fact]
    public async Task The_program_listens_where_urls_says_and_reads_limits_from_the_command_line()
    {
        await using var app = RelayServer.CreateApplication(["--urls", "http://127.0.0.1:0", "--Relay:BacklogCapacity=2", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync().Guarded();
        var address = new Uri(app.Urls.Single());
        var endpoint = new UriBuilder(address) { Scheme = "ws", Path = RelayServer.SyncPath }.Uri;

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        await using var a = new WebSocketSyncTransport(endpoint);
        await using var b = new WebSocketSyncTransport(endpoint);
        await a.ConnectAsync().Guarded();
        await b.ConnectAsync().Guarded();
        var fromB = new Receiver(b);
        for (var i = 1; i <= 3; i++) await a.SendAsync(Text($"m{i}"));
        await fromB.NextTextsAsync(3);
        await using var late = new WebSocketSyncTransport(endpoint);
        await late.ConnectAsync().Guarded();
        var fromLate = new Receiver(late);
        await a.SendAsync(Text("m4"));

        Assert.Equal(["m2", "m3", "m4"], await fromLate.NextTextsAsync(3));
        await app.StopAsync().Guarded();
    }
}
