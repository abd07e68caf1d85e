using System.Diagnostics;
using Elex.Browser.JsApi;
using Elex.Core.Routing;

namespace Elex.Browser.Model;

/// <summary>
/// The one way a swarm gets the sentence model in the browser and Node: the asset is fetched (with
/// progress, through the Cache Storage API) by <see cref="IModelAssetSource"/>, then
/// <see cref="BrowserModel"/> attaches it to the router. Keeps the status the JS API's
/// <c>modelStatus()</c> and the dashboard show.
/// </summary>
public sealed class SentenceModelLoader : ISentenceModelLoader
{
    private const string Fallback = "the swarm goes on routing on exact and lexical evidence";

    private readonly FeatureRouter _router;
    private readonly IModelAssetSource _source;
    private readonly IModelRunner _runner;
    private Task<ModelLoadResult>? _load;

    /// <summary>A loader for <paramref name="router"/> over <paramref name="source"/>; <paramref name="runner"/> runs the graph the source opened.</summary>
    public SentenceModelLoader(FeatureRouter router, IModelAssetSource source, IModelRunner runner)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(runner);
        _router = router;
        _source = source;
        _runner = runner;
    }

    /// <summary>A loader over elex-model.js and ONNX Runtime Web (the page or Node this runtime runs in).</summary>
    /// <exception cref="PlatformNotSupportedException">Outside .NET WebAssembly: there is no JavaScript to fetch and run the model.</exception>
    public static SentenceModelLoader ForBrowser(FeatureRouter router)
    {
        if (!OperatingSystem.IsBrowser())
            throw new PlatformNotSupportedException("the sentence model is loaded on demand only in a browser or Node (.NET WebAssembly); the console loads it itself");
        return new(router, new JsModelAssetSource(), new JsModelRunner());
    }

    /// <inheritdoc />
    public JsModelStatus Status { get; private set; } = JsModelStatus.None;

    /// <inheritdoc />
    public async Task<ModelLoadResult> LoadAsync(string url, Action<ModelProgress>? progress)
    {
        if (string.IsNullOrWhiteSpace(url))
            throw new ElexApiException(ElexErrorCodes.InvalidConfig, "loadModel needs { url }: the folder `elex model export` wrote (manifest.json, model.onnx, …)");
        var load = _load ??= LoadOnceAsync(url, progress);
        try
        {
            return await load.ConfigureAwait(true);
        }
        catch
        {
            // A failed load may be tried again (another URL, the file fixed).
            if (ReferenceEquals(_load, load)) _load = null;
            throw;
        }
    }

    private async Task<ModelLoadResult> LoadOnceAsync(string url, Action<ModelProgress>? progress)
    {
        var started = Stopwatch.GetTimestamp();
        var report = Guarded(progress);
        if (_router.Semantic is null) Status = Status with { State = "loading", Error = null };
        ModelAsset asset;
        try
        {
            asset = await _source.FetchAsync(url, report).ConfigureAwait(true);
        }
        catch (ModelAssetException e)
        {
            if (_router.Semantic is null) Status = Status with { State = "failed", Error = e.Message };
            throw new ElexApiException(ElexErrorCodes.ModelUnavailable, $"the sentence model could not be loaded: {e.Message}; {Fallback}", e);
        }
        report(new ModelProgress("attach", asset.Bytes, asset.Bytes, asset.FromCache));
        try
        {
            Status = await BrowserModel.AttachAsync(_router, asset.ManifestJson, asset.Vocabulary, asset.Vectors, _runner).ConfigureAwait(true);
        }
        catch (ElexApiException e)
        {
            Status = Status with { State = "failed", Error = e.Message };
            throw;
        }
        report(new ModelProgress("ready", asset.Bytes, asset.Bytes, asset.FromCache));
        return ModelLoadResult.From(Status, asset, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    // A progress callback that throws must not fail the load.
    private static Action<ModelProgress> Guarded(Action<ModelProgress>? progress) => step =>
    {
        try
        {
            progress?.Invoke(step);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Trace.TraceWarning($"a model progress callback failed: {e.Message}");
        }
    };
}
