using Elex.Dashboard.Components;

namespace Elex.Dashboard.Tests;

/// <summary>The "Load sentence model" control through its states, with the load stepped by hand.</summary>
public sealed class ModelPanelTests : BunitContext
{
    private const string ModelId = "arctic-embed-xs/cls/int8/v1";
    private const string Url = "https://dashboard.test/model/";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly FakeModelLoader _loader = new();

    private IRenderedComponent<ModelPanel> RenderPanel() => Render<ModelPanel>(p => p.Add(c => c.Loader, _loader).Add(c => c.Url, Url));

    private static void Expect(IRenderedComponent<ModelPanel> cut, string state, string text) => cut.WaitForAssertion(() =>
    {
        Assert.Equal(state, cut.Find("#model-status").GetAttribute("data-state"));
        Assert.Equal(text, cut.Find("#model-status").TextContent);
    }, Timeout);

    private static string Percent(IRenderedComponent<ModelPanel> cut) => cut.Find("#model-progress").GetAttribute("value")!;

    [Fact]
    public void Starts_with_no_model_and_offers_the_configured_url()
    {
        var cut = RenderPanel();

        Expect(cut, "none", "none (answering on exact and lexical evidence)");
        Assert.Equal(Url, cut.Find("#model-url").GetAttribute("value"));
        Assert.False(cut.Find("#model-load").HasAttribute("disabled"));
        Assert.Equal("0", Percent(cut));
        Assert.Empty(_loader.Urls);
    }

    [Fact]
    public void Loading_shows_each_percent_then_ready_with_the_model_and_its_features()
    {
        var cut = RenderPanel();

        cut.Find("form").Submit();

        Expect(cut, "loading", "loading 0 %");
        Assert.Equal([Url], _loader.Urls);
        Assert.True(cut.Find("#model-load").HasAttribute("disabled"), "no second load while one runs");
        Assert.True(cut.Find("#model-url").HasAttribute("disabled"));

        _loader.Report("manifest", 0, 0);
        _loader.Report("download", 250, 1000);
        Expect(cut, "loading", "loading 25 %");
        Assert.Equal("25", Percent(cut));
        _loader.Report("download", 1000, 1000);
        _loader.Report("session", 1000, 1000);
        Expect(cut, "loading", "loading 100 % (starting the model)");

        _loader.Ready(ModelId, 53);

        Expect(cut, "ready", $"ready: {ModelId}, 53 features");
        Assert.Equal("100", Percent(cut));
        Assert.True(cut.Find("#model-load").HasAttribute("disabled"), "a ready model is not loaded twice");
    }

    [Fact]
    public void A_failed_load_shows_the_reason_and_may_be_retried_from_another_url()
    {
        var cut = RenderPanel();
        cut.Find("#model-url").Input("/no-model-here/");
        cut.Find("form").Submit();
        _loader.Report("download", 100, 1000);
        Expect(cut, "loading", "loading 10 %");

        _loader.Fail("/no-model-here/manifest.json is not JSON");

        Expect(cut, "failed", "failed: /no-model-here/manifest.json is not JSON (answering on exact and lexical evidence; load again to retry)");
        Assert.False(cut.Find("#model-load").HasAttribute("disabled"));
        Assert.False(cut.Find("#model-url").HasAttribute("disabled"));

        cut.Find("#model-url").Input(Url);
        cut.Find("form").Submit();

        Expect(cut, "loading", "loading 0 %");
        Assert.Equal("0", Percent(cut));
        _loader.Ready(ModelId, 53);
        Expect(cut, "ready", $"ready: {ModelId}, 53 features");
        Assert.Equal(["/no-model-here/", Url], _loader.Urls);
    }

    [Fact]
    public void A_model_loaded_before_the_panel_rendered_shows_as_ready()
    {
        _loader.Status = new("ready", ModelId, 53, 0, 12, null);

        var cut = RenderPanel();

        Expect(cut, "ready", $"ready: {ModelId}, 53 features");
        Assert.True(cut.Find("#model-load").HasAttribute("disabled"));
    }
}
