using Elex.Browser.IndexedDb;
using Elex.Core.Catalog;
using Elex.Storage;
using Elex.Streams;
using Microsoft.AspNetCore.Components;

namespace Elex.Dashboard.Services;

/// <summary>
/// The dashboard's own swarm: the embedded sample catalog, or the catalog at the page's
/// <c>?catalog=URL</c>, persisted to its own IndexedDB database (one per catalog, so learning of
/// one catalog never meets the agents of another).
/// </summary>
public sealed class DashboardSwarm(HttpClient http, NavigationManager navigation) : IAsyncDisposable
{
    /// <summary>The database of the sample catalog's swarm.</summary>
    public const string DatabaseName = "elex-dashboard";

    private Task<ElexSwarm>? _started;
    private IAgentStore? _store;

    /// <summary>Where the catalog came from: "embedded sample" or the URL given.</summary>
    public string CatalogSource { get; private set; } = "embedded sample";

    /// <summary>Starts the swarm once (restoring from IndexedDB); later calls get the same swarm.</summary>
    public Task<ElexSwarm> StartAsync() => _started ??= CreateAsync();

    private async Task<ElexSwarm> CreateAsync()
    {
        var catalogUrl = CatalogUrl();
        var catalog = catalogUrl is null ? SampleCatalog.Load() : await LoadCatalogAsync(catalogUrl).ConfigureAwait(true);
        _store = await IndexedDbAgentStore.OpenAsync(catalogUrl is null ? DatabaseName : $"{DatabaseName}:{catalogUrl}").ConfigureAwait(true);
        return await ElexSwarm.CreateAsync(catalog, new SwarmConfig(), _store).ConfigureAwait(true);
    }

    private string? CatalogUrl()
    {
        var query = new Uri(navigation.Uri).Query.TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = pair.IndexOf('=') is var i and >= 0 ? (pair[..i], pair[(i + 1)..]) : (pair, "");
            if (name == "catalog" && value.Length > 0) return Uri.UnescapeDataString(value);
        }
        return null;
    }

    private async Task<FeatureCatalog> LoadCatalogAsync(string url)
    {
        byte[] json;
        try
        {
            json = await http.GetByteArrayAsync(new Uri(new Uri(navigation.BaseUri), url)).ConfigureAwait(true);
        }
        catch (HttpRequestException e)
        {
            throw new CatalogException(url, $"could not be fetched: {e.Message}", e);
        }
        CatalogSource = url;
        return CatalogLoader.Load(json, url);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started is { IsCompletedSuccessfully: true } started) await started.Result.DisposeAsync().ConfigureAwait(true);
        if (_store is not null) await _store.DisposeAsync().ConfigureAwait(true);
    }
}
