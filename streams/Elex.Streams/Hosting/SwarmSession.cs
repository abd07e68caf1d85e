using System.Reactive.Concurrency;
using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Storage;

namespace Elex.Streams.Hosting;

/// <summary>
/// A swarm and the store it restores from and persists to, owned as one: <see cref="StartAsync"/> opens
/// the store, creates the swarm restored from it (reporting what could not be restored in
/// <see cref="RestoreProblems"/>), and <see cref="DisposeAsync"/> shuts the swarm down — its last write
/// included — before it closes the store. Every host (the CLI, the dashboard, the JS API) owns its swarm
/// through one of these. Not to be confused with a conversation (<see cref="ElexSwarm.CreateSession"/>).
/// </summary>
public sealed class SwarmSession : IAsyncDisposable
{
    private int _disposed;

    private SwarmSession(ElexSwarm swarm, IAgentStore? store)
    {
        Swarm = swarm;
        Store = store;
    }

    /// <summary>The swarm; shut down with the session.</summary>
    public ElexSwarm Swarm { get; }

    /// <summary>The store the swarm persists to, or null when nothing persists; closed with the session.</summary>
    public IAgentStore? Store { get; }

    /// <summary>Whether the swarm's learning is written to a store (feedback then resolves once durable).</summary>
    public bool Persists => Store is not null;

    /// <summary>The records the store held that could not be restored, each saying which and why; the rest loaded.</summary>
    public IReadOnlyList<string> RestoreProblems => Swarm.RestoreProblems;

    /// <summary>
    /// Opens the store with <paramref name="openStore"/> (none: nothing persists) and starts a swarm over
    /// <paramref name="catalog"/> restored from it, as <see cref="ElexSwarm.CreateAsync"/> does. When the
    /// swarm cannot start (the store fails while restoring, the config is invalid, the call is cancelled)
    /// the store just opened is closed again and the failure propagates.
    /// </summary>
    public static async Task<SwarmSession> StartAsync(
        FeatureCatalog catalog,
        SwarmConfig? config,
        Func<CancellationToken, Task<IAgentStore>>? openStore,
        IScheduler? scheduler = null,
        FeatureRouter? router = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var store = openStore is null ? null : await openStore(cancellationToken).ConfigureAwait(false);
        try
        {
            var swarm = await ElexSwarm.CreateAsync(catalog, config, store, scheduler, router, cancellationToken).ConfigureAwait(false);
            return new SwarmSession(swarm, store);
        }
        catch
        {
            if (store is not null) await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Shuts the swarm down (it finishes queued queries and persists everything once more), then closes
    /// the store — even when that last write fails, whose error then propagates. Later calls do nothing.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            await Swarm.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            if (Store is not null) await Store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
