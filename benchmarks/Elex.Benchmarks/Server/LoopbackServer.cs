using Elex.Hosting;
using Elex.Server;
using Elex.Server.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Elex.Benchmarks.Server;

/// <summary>
/// The team server on Kestrel at a free loopback port, configured as <c>dotnet run</c> starts it (the embedded full
/// catalog with the sentence model) except: no store, no development keys, one API key with every role, and a rate
/// limit no load generator reaches.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    public const string ApiKey = "benchmark-key";

    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public SwarmFeeds Feeds => _app.Services.GetRequiredService<SwarmFeeds>();

    public Streams.ElexSwarm Swarm => _app.Services.GetRequiredService<IElexSwarmAccessor>().Swarm;

    public int Features => Swarm.Catalog.Count;

    public static async Task<LoopbackServer> StartAsync(int streamQueueCapacity = 64)
    {
        var app = ElexServer.CreateApplication(
        [
            "--environment=Production",
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--Elex:StorePath=",
            "--Server:Catalog=Embedded",
            "--Server:Auth:SigningKey=",
            "--Server:Auth:ApiKeys:0:Key=" + ApiKey,
            "--Server:Auth:ApiKeys:0:User=benchmark",
            "--Server:Auth:ApiKeys:0:Roles:0=trainer",
            "--Server:Auth:ApiKeys:0:Roles:1=operator",
            "--Server:RateLimit:PermitsPerWindow=100000000",
            $"--Server:StreamQueueCapacity={streamQueueCapacity}",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
