using Elex.Storage;
using Elex.Streams;
using Elex.Streams.Hosting;
using Elex.Streams.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Elex.Hosting;

/// <summary>
/// The hosted swarm's lifetime: a <see cref="SwarmSession"/> opened in the host's starting phase (store
/// opened, swarm created restored from it) and disposed in its stopped phase (queued queries finished,
/// learned state written once more, store closed). The lifecycle phases, not Start/Stop, so that every
/// other hosted service finds the swarm running in its own StartAsync and may still use it in its StopAsync.
/// </summary>
internal sealed class ElexSwarmLifetime(
    IOptions<ElexSwarmOptions> options, ISwarmCatalogSource catalogs, ILogger<ElexSwarmLifetime> logger)
    : IHostedLifecycleService, IElexSwarmAccessor, IAsyncDisposable
{
    private const int NotStarted = 0, Running = 1, Stopped = 2;

    private readonly TaskCompletionSource<ElexSwarm> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;
    private SwarmSession? _session;
    private IDisposable? _persistenceLog;
    private PersistenceStatus? _lastPersistence;

    public bool IsRunning => Volatile.Read(ref _state) == Running;

    public ElexSwarm Swarm => Volatile.Read(ref _state) switch
    {
        Running => _session!.Swarm,
        Stopped => throw new InvalidOperationException("The Elex swarm has stopped with the host."),
        _ => throw new InvalidOperationException(
            "The Elex swarm is not running yet: it starts with the host (IHost.StartAsync). Await IElexSwarmAccessor.WhenStartedAsync to wait for it."),
    };

    public string? StorePath { get; private set; }

    public Task<ElexSwarm> WhenStartedAsync(CancellationToken cancellationToken = default) =>
        Volatile.Read(ref _state) == Stopped
            ? Task.FromException<ElexSwarm>(new InvalidOperationException("The Elex swarm has stopped with the host."))
            : _started.Task.WaitAsync(cancellationToken);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _state) != NotStarted) return;
        try
        {
            var settings = options.Value;
            var catalog = await catalogs.LoadAsync(cancellationToken).ConfigureAwait(false);
            var storePath = string.IsNullOrWhiteSpace(settings.StorePath) ? null : Path.GetFullPath(settings.StorePath);
            var openStore = settings.OpenStore
                ?? (storePath is null ? null : token => OpenSqliteAsync(storePath, settings.DurableAgainstPowerLoss, token));
            var storeName = storePath ?? (openStore is null ? "none (learned state is not kept)" : "(opened in code)");
            HostingLog.Starting(logger, catalog.Source, catalog.Catalog.Count, storeName);
            var session = await SwarmSession.StartAsync(
                catalog.Catalog,
                settings.ToSwarmConfig(),
                openStore,
                router: catalog.Router,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            _session = session;
            StorePath = storePath;
            await LogRestoreAsync(session, storeName, cancellationToken).ConfigureAwait(false);
            _persistenceLog = session.Swarm.Persistence.Subscribe(LogPersistence);
            Volatile.Write(ref _state, Running);
            HostingLog.Started(logger, session.Swarm.Config.Topology.ToString(), session.Swarm.Config.MaxAgents);
            _started.TrySetResult(session.Swarm);
        }
        catch (Exception e)
        {
            HostingLog.StartFailed(logger, e);
            _started.TrySetException(e);
            if (_session is not null) await ShutDownAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The last write is awaited even past the host's shutdown timeout: cutting it short would lose what was learned.
    public Task StoppedAsync(CancellationToken cancellationToken) => ShutDownAsync();

    /// <summary>A host disposed without being stopped still shuts the swarm down and closes the store.</summary>
    public async ValueTask DisposeAsync() => await ShutDownAsync().ConfigureAwait(false);

    private async Task ShutDownAsync()
    {
        var wasRunning = Interlocked.Exchange(ref _state, Stopped) == Running;
        var session = Interlocked.Exchange(ref _session, null);
        if (session is null) return;
        if (wasRunning) HostingLog.Stopping(logger);
        try
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            HostingLog.StopFailed(logger, e);
            throw;
        }
        finally
        {
            _persistenceLog?.Dispose();
        }
        HostingLog.Stopped(logger, session.Swarm.QueryCount, _lastPersistence?.Writes ?? 0, _lastPersistence?.Failures ?? 0);
    }

    private static async Task<IAgentStore> OpenSqliteAsync(string path, bool durable, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return await SqliteAgentStore.OpenAsync(path, durable, cancellationToken).ConfigureAwait(false);
    }

    private async Task LogRestoreAsync(SwarmSession session, string storeName, CancellationToken cancellationToken)
    {
        if (session.Store is { } store && logger.IsEnabled(LogLevel.Information))
        {
            var stored = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
            HostingLog.Restored(logger, storeName, stored.AgentStates.Records, stored.QTables.Records, stored.Trajectories.Records);
        }
        foreach (var problem in session.RestoreProblems) HostingLog.RestoreProblem(logger, problem);
    }

    // Each new failed attempt is a warning; the first success after failures says the store works again.
    private void LogPersistence(PersistenceStatus status)
    {
        var previous = _lastPersistence;
        _lastPersistence = status;
        if (status.ConsecutiveFailures > 0 && status.Failures != previous?.Failures)
            HostingLog.PersistFailed(logger, status.ConsecutiveFailures, status.Pending, status.RetryIn, status.LastError);
        else if (status.ConsecutiveFailures == 0 && previous is { ConsecutiveFailures: > 0 } failing)
            HostingLog.PersistRecovered(logger, failing.ConsecutiveFailures);
    }
}
