using Elex.Browser.IndexedDb;
using Elex.Core.Catalog;
using Elex.Storage;
using Elex.Streams;
using Microsoft.JSInterop;

namespace Elex.Dashboard.Services;

/// <summary>The dashboard's own swarm: the sample catalog, persisted to the IndexedDB database <see cref="DatabaseName"/>.</summary>
public sealed class DashboardSwarm(IJSRuntime js) : IAsyncDisposable
{
    public const string DatabaseName = "elex-dashboard";

    private Task<ElexSwarm>? _started;
    private IAgentStore? _store;

    /// <summary>Starts the swarm once (restoring from IndexedDB); later calls get the same swarm.</summary>
    public Task<ElexSwarm> StartAsync() => _started ??= CreateAsync();

    private async Task<ElexSwarm> CreateAsync()
    {
        _store = await IndexedDbAgentStore.OpenAsync(js, DatabaseName).ConfigureAwait(true);
        return await ElexSwarm.CreateAsync(SampleCatalog.Load(), new SwarmConfig(), _store).ConfigureAwait(true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started is { IsCompletedSuccessfully: true } started) await started.Result.DisposeAsync().ConfigureAwait(true);
        if (_store is not null) await _store.DisposeAsync().ConfigureAwait(true);
    }
}
