using Elex.Browser.IndexedDb;
using Elex.Core.Catalog;
using Elex.Storage;
using Elex.Streams;
using Microsoft.JSInterop;

namespace Elex.Dashboard.Services;

/// <summary>The dashboard's own swarm: the sample catalog, persisted to the IndexedDB database <see cref="DatabaseName"/>.</summary>
public sealed class DashboardSwarm : IAsyncDisposable
{
    public const string DatabaseName = "elex-dashboard";

    private readonly Func<Task<IAgentStore>> _openStore;
    private Task<ElexSwarm>? _started;
    private IAgentStore? _store;

    public DashboardSwarm(IJSRuntime js)
        : this(async () => await IndexedDbAgentStore.OpenAsync(js, DatabaseName).ConfigureAwait(true))
    {
    }

    /// <summary>The same swarm over the store <paramref name="openStore"/> opens (tests run it without a browser).</summary>
    internal DashboardSwarm(Func<Task<IAgentStore>> openStore) => _openStore = openStore;

    /// <summary>Starts the swarm once (restoring from the store); later calls get the same swarm.</summary>
    public Task<ElexSwarm> StartAsync() => _started ??= CreateAsync();

    private async Task<ElexSwarm> CreateAsync()
    {
        _store = await _openStore().ConfigureAwait(true);
        return await ElexSwarm.CreateAsync(SampleCatalog.Load(), new SwarmConfig(), _store).ConfigureAwait(true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started is { IsCompletedSuccessfully: true } started) await started.Result.DisposeAsync().ConfigureAwait(true);
        if (_store is not null) await _store.DisposeAsync().ConfigureAwait(true);
    }
}
