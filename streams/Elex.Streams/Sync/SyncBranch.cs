using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Elex.Core.Agents;
using Elex.Core.Learning;
using Elex.Storage;
using Elex.Streams.Operators;
using Elex.Streams.Routing;
using Elex.Sync;
using Elex.Sync.Transport;

namespace Elex.Streams.Sync;

/// <summary>
/// Federated sync's front end. With <see cref="SwarmConfig.AutoSync"/> the publishing branch is
/// composed here, from the configuration:
/// first successful start ─► FeedbackResults ─► SampleSync(SyncIntervalMs) ─► signed delta
/// One publishing stream whatever the number of (re)connections, through whichever sync is current;
/// it starts sampling when sync first connects, not before (there is nothing to publish through yet).
/// </summary>
internal sealed class SyncBranch : IAsyncDisposable
{
    private readonly AgentRegistry _registry;
    private readonly RouteTeacher _teacher;
    private readonly Subject<Unit> _started = new();
    private readonly IDisposable _autoSync;
    private SwarmSync _current;

    public SyncBranch(AgentRegistry registry, RouteTeacher teacher, SwarmConfig config, IObservable<FeedbackResult> feedbackResults, IScheduler scheduler)
    {
        _registry = registry;
        _teacher = teacher;
        // Without a store the identity is new each run; LoadAsync completes synchronously then.
        _current = SwarmSync.LoadAsync(null, registry, TimeProvider.System, CancellationToken.None).GetAwaiter().GetResult().Sync;
        ShareRoutesThrough(_current);
        _autoSync = config.AutoSync
            ? _started.Take(1)
                .SelectMany(_ => feedbackResults.SampleSync(TimeSpan.FromMilliseconds(config.SyncIntervalMs), token => _current.SyncAsync(token), scheduler))
                .Subscribe()
            : Disposable.Empty;
    }

    public SwarmSync Current => _current;

    /// <summary>Replaces the fresh identity with the one (and the sync state) the store holds; returns what could not be restored.</summary>
    public async Task<IReadOnlyList<string>> LoadFromAsync(IAgentStore store, CancellationToken cancellationToken)
    {
        var (sync, problems) = await SwarmSync.LoadAsync(store, _registry, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        await _current.DisposeAsync().ConfigureAwait(false);
        _current = sync;
        ShareRoutesThrough(sync);
        return problems;
    }

    public async Task StartAsync(ISyncTransport transport, CancellationToken cancellationToken)
    {
        await _current.StartAsync(transport, cancellationToken).ConfigureAwait(false);
        _started.OnNext(Unit.Default);
    }

    public async ValueTask DisposeAsync()
    {
        _autoSync.Dispose();
        await _current.DisposeAsync().ConfigureAwait(false);
    }

    // Learned routes travel with the signed Q-table deltas: published from the router's memory,
    // adopted from every delta a trusted peer's signature makes acceptable.
    private void ShareRoutesThrough(SwarmSync sync)
    {
        sync.RouteSource = _teacher.SharedRoutes;
        sync.RouteSink = _teacher.Adopt;
        sync.SaveRoutes = _teacher.SaveLearnedAsync;
    }
}
