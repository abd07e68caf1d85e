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
/// One publishing stream whatever the number of (re)connections;
/// it starts sampling when sync first connects, not before (there is nothing to publish through yet).
/// </summary>
internal sealed class SyncBranch : IAsyncDisposable
{
    private readonly Subject<Unit> _started = new();
    private readonly IDisposable _autoSync;
    private readonly SwarmSync _current;

    private SyncBranch(SwarmSync loaded, RouteTeacher teacher, SwarmConfig config, IObservable<FeedbackResult> feedbackResults, IScheduler scheduler)
    {
        _current = loaded;
        ShareRoutes(loaded, teacher);
        _autoSync = config.AutoSync
            ? _started.Take(1)
                .SelectMany(_ => feedbackResults.SampleSync(TimeSpan.FromMilliseconds(config.SyncIntervalMs), token => _current.SyncAsync(token), scheduler))
                .Subscribe()
            : Disposable.Empty;
    }

    /// <summary>
    /// Loads the identity and sync state <paramref name="store"/> holds (a new identity without a store)
    /// and composes the branch; returns what could not be restored.
    /// </summary>
    public static async Task<(SyncBranch Branch, IReadOnlyList<string> Problems)> CreateAsync(IAgentStore? store, AgentRegistry registry, RouteTeacher teacher,
        SwarmConfig config, IObservable<FeedbackResult> feedbackResults, IScheduler scheduler, CancellationToken cancellationToken)
    {
        var (sync, problems) = await SwarmSync.LoadAsync(store, registry, scheduler, cancellationToken).ConfigureAwait(false);
        return (new SyncBranch(sync, teacher, config, feedbackResults, scheduler), problems);
    }

    public SwarmSync Current => _current;

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
    private static void ShareRoutes(SwarmSync sync, RouteTeacher teacher)
    {
        sync.RouteSource = teacher.SharedRoutes;
        sync.RouteSink = teacher.Adopt;
        sync.SaveRoutes = teacher.SaveLearnedAsync;
    }
}
