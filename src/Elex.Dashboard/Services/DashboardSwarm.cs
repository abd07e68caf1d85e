using Elex.Browser.IndexedDb;
using Elex.Browser.Model;
using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Storage;
using Elex.Streams;
using Elex.Streams.Hosting;
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
    private Task<SwarmSession>? _started;

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
    public async Task<ElexSwarm> StartAsync() => (await (_started ??= CreateAsync()).ConfigureAwait(true)).Swarm;

    private async Task<SwarmSession> CreateAsync()
    {
        var catalog = _catalogUrl is null || _fetch is null ? SampleCatalog.Load() : await LoadCatalogAsync(_catalogUrl, _fetch).ConfigureAwait(true);
        var databaseName = _catalogUrl is null ? DatabaseName : $"{DatabaseName}:{_catalogUrl}";
        // The model arrives later (the Load button) and answers with a Promise: the asynchronous model route stage.
        var session = await SwarmSession.StartAsync(catalog, new SwarmConfig { AsyncModel = true }, _ => _openStore(databaseName)).ConfigureAwait(true);
        Model = _createModelLoader?.Invoke(session.Swarm.Router);
        return session;
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

    /// <summary>Shuts the swarm down (its last write included), then closes its database; a start in progress is waited for.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_started is null) return;
        SwarmSession session;
        try
        {
            session = await _started.ConfigureAwait(true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A start that failed closed its database and was reported to whoever awaited it.
            return;
        }
        await session.DisposeAsync().ConfigureAwait(true);
    }
}
