using Elex.Streams;

namespace Elex.Hosting;

/// <summary>
/// The hosted swarm, for other services: resolve this (a singleton) rather than the swarm itself, because
/// the swarm exists only while the host runs. It is started in the host's <em>starting</em> phase, before
/// any hosted service's <c>StartAsync</c>, and shut down in the <em>stopped</em> phase, after every
/// hosted service's <c>StopAsync</c> — so a hosted service or a request handler may use
/// <see cref="Swarm"/> throughout its own lifetime. Before the host starts (or after it stopped)
/// <see cref="Swarm"/> throws <see cref="InvalidOperationException"/> saying so; code that may run
/// earlier awaits <see cref="WhenStartedAsync"/>.
/// </summary>
public interface IElexSwarmAccessor
{
    /// <summary>True from the end of start until stop begins.</summary>
    bool IsRunning { get; }

    /// <summary>The running swarm; throws <see cref="InvalidOperationException"/> before the host has started it or once it has stopped.</summary>
    ElexSwarm Swarm { get; }

    /// <summary>
    /// The swarm once it has started: at once while running; fails with the start's error if starting
    /// failed, and with <see cref="InvalidOperationException"/> once the swarm has stopped.
    /// </summary>
    Task<ElexSwarm> WhenStartedAsync(CancellationToken cancellationToken = default);

    /// <summary>The SQLite file the swarm persists to (full path); null when nothing persists or the store was opened in code (<see cref="ElexSwarmOptions.OpenStore"/>).</summary>
    string? StorePath { get; }
}
