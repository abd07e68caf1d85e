using Elex.Browser.JsApi;
using Elex.Browser.Model;
using Elex.Core.Catalog;
using Elex.Core.Routing;

namespace Elex.Browser.Tests.Model;

/// <summary>
/// The loader behind both the JS API's loadModel and the dashboard's button, over a scripted asset
/// source: progress passes through, failures leave the router as it was with the reason in the status,
/// a failed load may be retried, and concurrent calls share one load. (Loading a real model is covered
/// in Chromium and Node: tests/browser/model-*.test.js, dashboard-model.test.js.)
/// </summary>
public sealed class SentenceModelLoaderTests
{
    private static readonly ModelProgress[] Download =
    [
        new("manifest", 0, 0, false),
        new("download", 400, 1000, false, "model.onnx"),
        new("download", 1000, 1000, false, "features.bin"),
        new("session", 1000, 1000, false),
    ];

    private readonly FeatureRouter _router = FeatureRouter.Build(SampleCatalog.Load());

    private static Task<ModelAsset> Unreachable(string url) =>
        Task.FromException<ModelAsset>(new ModelAssetException($"{url}manifest.json could not be fetched: HTTP 404 Not Found"));

    [Fact]
    public async Task A_failed_download_rejects_with_MODEL_UNAVAILABLE_and_the_status_says_why()
    {
        var loader = new SentenceModelLoader(_router, new FakeModelAssetSource(Unreachable), new UnusedModelRunner());
        Assert.Equal("none", loader.Status.State);

        var error = await Assert.ThrowsAsync<ElexApiException>(() => loader.LoadAsync("https://x.test/model/", null));

        Assert.Equal(ElexErrorCodes.ModelUnavailable, error.Code);
        Assert.Contains("https://x.test/model/manifest.json could not be fetched: HTTP 404", error.Message, StringComparison.Ordinal);
        Assert.Equal("failed", loader.Status.State);
        Assert.Equal("https://x.test/model/manifest.json could not be fetched: HTTP 404 Not Found", loader.Status.Error);
        Assert.Null(_router.Semantic);
    }

    [Fact]
    public async Task Progress_passes_through_and_an_asset_that_does_not_attach_fails_after_the_attach_step()
    {
        var asset = new ModelAsset("<html>not a manifest</html>", "[PAD]\n", [], 1000, false);
        var loader = new SentenceModelLoader(_router, new FakeModelAssetSource(_ => Task.FromResult(asset), Download), new UnusedModelRunner());
        var seen = new List<ModelProgress>();

        var error = await Assert.ThrowsAsync<ElexApiException>(() => loader.LoadAsync("model/", seen.Add));

        Assert.Equal(ElexErrorCodes.ModelUnavailable, error.Code);
        Assert.Equal([.. Download, new ModelProgress("attach", 1000, 1000, false)], seen);
        Assert.Equal([0, 40, 100, 100, 100], seen.Select(p => p.Percent));
        Assert.Equal("failed", loader.Status.State);
        Assert.Contains("manifest.json is not valid JSON", loader.Status.Error, StringComparison.Ordinal);
        Assert.Null(_router.Semantic);
    }

    [Fact]
    public async Task A_progress_callback_that_throws_does_not_change_the_outcome()
    {
        var loader = new SentenceModelLoader(_router, new FakeModelAssetSource(Unreachable, Download), new UnusedModelRunner());

        var error = await Assert.ThrowsAsync<ElexApiException>(() => loader.LoadAsync("model/", _ => throw new InvalidOperationException("a broken progress bar")));

        Assert.Contains("HTTP 404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_load_may_be_retried_with_another_url()
    {
        var source = new FakeModelAssetSource(Unreachable);
        var loader = new SentenceModelLoader(_router, source, new UnusedModelRunner());

        await Assert.ThrowsAsync<ElexApiException>(() => loader.LoadAsync("/wrong/", null));
        await Assert.ThrowsAsync<ElexApiException>(() => loader.LoadAsync("/model/", null));

        Assert.Equal(["/wrong/", "/model/"], source.Urls);
        Assert.Contains("/model/manifest.json", loader.Status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_during_a_load_join_it_and_the_status_says_loading()
    {
        var pending = new TaskCompletionSource<ModelAsset>(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = new FakeModelAssetSource(_ => pending.Task);
        var loader = new SentenceModelLoader(_router, source, new UnusedModelRunner());

        var first = loader.LoadAsync("/model/", null);
        var second = loader.LoadAsync("/model/", null);
        Assert.Equal("loading", loader.Status.State);
        pending.SetException(new ModelAssetException("/model/model.onnx has 12 bytes, the manifest says 22910742"));

        await Assert.ThrowsAsync<ElexApiException>(() => first);
        await Assert.ThrowsAsync<ElexApiException>(() => second);
        Assert.Single(source.Urls);
        Assert.Equal("failed", loader.Status.State);
    }

    [Fact]
    public async Task An_empty_url_is_a_config_error_and_fetches_nothing()
    {
        var source = new FakeModelAssetSource(Unreachable);
        var loader = new SentenceModelLoader(_router, source, new UnusedModelRunner());

        var error = await Assert.ThrowsAsync<ElexApiException>(() => loader.LoadAsync(" ", null));

        Assert.Equal(ElexErrorCodes.InvalidConfig, error.Code);
        Assert.Empty(source.Urls);
        Assert.Equal("none", loader.Status.State);
    }

    [Fact]
    public void Outside_WebAssembly_the_browser_loader_says_it_cannot_run_here()
    {
        var error = Assert.Throws<PlatformNotSupportedException>(() => SentenceModelLoader.ForBrowser(_router));
        Assert.Contains("browser or Node", error.Message, StringComparison.Ordinal);
    }
}
