using System.Net;
using System.Text.Json;
using Elex.SyncRelay.Tests.Support;
using static Elex.SyncRelay.Tests.Support.Messages;

namespace Elex.SyncRelay.Tests.Relay;

public sealed class RelayHealthTests
{
    [Fact]
    public async Task Health_reports_connected_clients_and_forwarded_messages_as_json()
    {
        await using var relay = await RelayServer.StartAsync();
        await using var a = await relay.ConnectAsync();
        await using var b = await relay.ConnectAsync();
        var fromB = new Receiver(b);
        await a.SendAsync(Text("delta"));
        await fromB.NextAsync();
        using var http = new HttpClient { BaseAddress = relay.BaseAddress };

        using var response = await http.GetAsync(RelayServer.HealthPath).Guarded();
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, health.RootElement.GetProperty("connectedClients").GetInt32());
        Assert.Equal(1, health.RootElement.GetProperty("forwarded").GetInt64());
        Assert.Equal(1, health.RootElement.GetProperty("delivered").GetInt64());
        Assert.Equal(0, health.RootElement.GetProperty("dropped").GetInt64());
        Assert.Equal(1, health.RootElement.GetProperty("backlog").GetInt32());
    }

    [Fact]
    public async Task The_sync_endpoint_refuses_plain_http()
    {
        await using var relay = await RelayServer.StartAsync();
        using var http = new HttpClient { BaseAddress = relay.BaseAddress };

        using var response = await http.GetAsync(RelayServer.SyncPath).Guarded();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, relay.Statistics.ConnectedClients);
    }
}
