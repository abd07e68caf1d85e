using Elex.Browser.IndexedDb;
using Elex.Core.Catalog;
using Elex.Storage;
using Elex.Streams;
using Microsoft.AspNetCore.Components;

namespace Elex.Dashboard.Services;

/// <summary>
/// The dashboard's own swarm: the embedded sample catalog, or the catalog at the page's
/// <c>?catalog=URL</c>, persisted to its own IndexedDB database (one per catalog, so the learning of
/// one catalog never meets the agents of another).
/// </summary>
public sealed class DashboardSwarm : IAsyncDisposable
{
    /// <summary>The database of the sample catalog's swarm.</summary>
    public const string DatabaseName = "elex-dashboard";

    private readonly Func<string, Task<IAgentStore>> _openStore;
    private readonly string? _catalogUrl;
    private readonly Func<string, Task<byte[]>>? _fetch;
    private Task<ElexSwarm>? _started;
    private IAgentStore? _store;

    public DashboardSwarm(HttpClient http, NavigationManager navigation)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(navigation);
        _openStore = async name => await IndexedDbAgentStore.OpenAsync(name).ConfigureAwait(true);
        _catalogUrl = CatalogUrlOf(new Uri(navigation.Uri));
        _fetch = url => http.GetByteArrayAsync(new Uri(new Uri(navigation.BaseUri), url));
    }

    /// <summary>The sample catalog's swarm over the store <paramref name="openStore"/> opens (tests run it without a browser).</summary>
    internal DashboardSwarm(Func<Task<IAgentStore>> openStore) => _openStore = _ => openStore();

    /// <summary>Where the catalog comes from: the URL given, or "embedded sample".</summary>
    public string CatalogSource => _catalogUrl ?? "embedded sample";

    /// <summary>Starts the swarm once (restoring from the store); later calls get the same swarm.</summary>
    public Task<ElexSwarm> StartAsync() => _started ??= CreateAsync();

    private async Task<ElexSwarm> CreateAsync()
    {
        var catalog = _catalogUrl is null || _fetch is null ? SampleCatalog.Load() : await LoadCatalogAsync(_catalogUrl, _fetch).ConfigureAwait(true);
        _store = await _openStore(_catalogUrl is null ? DatabaseName : $"{DatabaseName}:{_catalogUrl}").ConfigureAwait(true);
        return await ElexSwarm.CreateAsync(catalog, new SwarmConfig(), _store).ConfigureAwait(true);
    }

    private static string? CatalogUrlOf(Uri page)
    {
        foreach (var pair in page.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[..equals] == "catalog" && equals < pair.Length - 1) return Uri.UnescapeDataString(pair[(equals + 1)..]);
        }
        return null;
    }

    private static async Task<FeatureCatalog> LoadCatalogAsync(string url, Func<string, Task<byte[]>> fetch)
    {
        byte[] json;
        try
        {
            json = await fetch(url).ConfigureAwait(true);
        }
        catch (HttpRequestException e)
        {
            throw new CatalogException(url, $"could not be fetched: {e.Message}", e);
        }
        return CatalogLoader.Load(json, url);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started is { IsCompletedSuccessfully: true } started) await started.Result.DisposeAsync().ConfigureAwait(true);
        if (_store is not null) await _store.DisposeAsync().ConfigureAwait(true);
    }
}
