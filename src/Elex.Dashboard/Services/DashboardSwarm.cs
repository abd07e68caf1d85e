using Elex.Browser.IndexedDb;
using Elex.Browser.Model;
using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Storage;
using Elex.Streams;
using Microsoft.AspNetCore.Components;

namespace Elex.Dashboard.Services;

/// <summary>
/// The dashboard's own swarm: the embedded sample catalog, or the catalog at the page's
/// <c>?catalog=URL</c>, persisted to its own IndexedDB database (one per catalog, so the learning of
/// one catalog never meets the agents of another). Its Route stage takes the sentence model
/// asynchronously, so the model can be loaded on demand (<see cref="Model"/>) from the asset folder at
/// <see cref="ModelUrl"/>: <c>?model=URL</c>, else <c>model/</c> beside the app.
/// </summary>
public sealed class DashboardSwarm : IAsyncDisposable
{
    /// <summary>The database of the sample catalog's swarm.</summary>
    public const string DatabaseName = "elex-dashboard";

    /// <summary>Where the model asset is looked for when the page names none: a folder beside the app.</summary>
    public const string DefaultModelUrl = "model/";

    private readonly Func<string, Task<IAgentStore>> _openStore;
    private readonly string? _catalogUrl;
    private readonly Func<string, Task<byte[]>>? _fetch;
    private readonly Func<FeatureRouter, ISentenceModelLoader>? _createModelLoader;
    private Task<ElexSwarm>? _started;
    private IAgentStore? _store;

    public DashboardSwarm(HttpClient http, NavigationManager navigation)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(navigation);
        _openStore = async name => await IndexedDbAgentStore.OpenAsync(name).ConfigureAwait(true);
        var page = new Uri(navigation.Uri);
        _catalogUrl = PageQuery.Value(page, "catalog");
        _fetch = url => http.GetByteArrayAsync(new Uri(new Uri(navigation.BaseUri), url));
        ModelUrl = PageQuery.Value(page, "model") ?? DefaultModelUrl;
        _createModelLoader = SentenceModelLoader.ForBrowser;
    }

    /// <summary>
    /// The sample catalog's swarm over the store <paramref name="openStore"/> opens (tests run it without a
    /// browser); with <paramref name="createModelLoader"/> it offers the sentence model through that loader.
    /// </summary>
    internal DashboardSwarm(Func<Task<IAgentStore>> openStore, Func<FeatureRouter, ISentenceModelLoader>? createModelLoader = null)
    {
        _openStore = _ => openStore();
        _createModelLoader = createModelLoader;
    }

    /// <summary>Where the catalog comes from: the URL given, or "embedded sample".</summary>
    public string CatalogSource => _catalogUrl ?? "embedded sample";

    /// <summary>The model asset folder the dashboard offers to load, as configured (a relative URL is resolved against the page).</summary>
    public string ModelUrl { get; } = DefaultModelUrl;

    /// <summary>Loads the sentence model into the started swarm's router; null before the swarm starts (and in tests without one).</summary>
    public ISentenceModelLoader? Model { get; private set; }

    /// <summary>Starts the swarm once (restoring from the store); later calls get the same swarm.</summary>
    public Task<ElexSwarm> StartAsync() => _started ??= CreateAsync();

    private async Task<ElexSwarm> CreateAsync()
    {
        var catalog = _catalogUrl is null || _fetch is null ? SampleCatalog.Load() : await LoadCatalogAsync(_catalogUrl, _fetch).ConfigureAwait(true);
        _store = await _openStore(_catalogUrl is null ? DatabaseName : $"{DatabaseName}:{_catalogUrl}").ConfigureAwait(true);
        // The model arrives later (the Load button) and answers with a Promise: the asynchronous model route stage.
        var swarm = await ElexSwarm.CreateAsync(catalog, new SwarmConfig { AsyncModel = true }, _store).ConfigureAwait(true);
        Model = _createModelLoader?.Invoke(swarm.Router);
        return swarm;
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
