using System.Text.Json;
using Elex.Hosting;

namespace Elex.Server.Streaming;

/// <summary>
/// The swarm's live streams for clients: every response (<see cref="Responses"/>, the <c>elex ask --json</c> shape) and
/// every latency snapshot (<see cref="Telemetry"/>). Each event is serialized once, on the publishing thread, only while
/// someone listens, then shared by all subscribers.
/// </summary>
internal sealed class SwarmFeeds(IElexSwarmAccessor elex) : IHostedService
{
    private readonly List<IDisposable> _subscriptions = [];

    public LiveFeed Responses { get; } = new("responses");

    public LiveFeed Telemetry { get; } = new("telemetry");

    // The swarm starts in the host's starting phase, before any hosted service's StartAsync, so it is running here.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var swarm = elex.Swarm;
        _subscriptions.Add(swarm.Responses.Subscribe(response =>
        {
            if (Responses.HasSubscribers) Responses.Publish(Json.Response(response));
        }));
        _subscriptions.Add(swarm.Latency.Subscribe(snapshot =>
        {
            if (Telemetry.HasSubscribers) Telemetry.Publish(JsonSerializer.Serialize(snapshot, Json.Options));
        }));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
        Responses.Complete();
        Telemetry.Complete();
        return Task.CompletedTask;
    }
}
