using Elex.Browser.Model;

namespace Elex.Browser.Tests.Model;

/// <summary>An asset source that plays scripted progress steps, then answers as <c>fetch</c> says (fault injection).</summary>
internal sealed class FakeModelAssetSource(Func<string, Task<ModelAsset>> fetch, params ModelProgress[] steps) : IModelAssetSource
{
    public List<string> Urls { get; } = [];

    public async Task<ModelAsset> FetchAsync(string url, Action<ModelProgress> progress)
    {
        Urls.Add(url);
        foreach (var step in steps) progress(step);
        return await fetch(url);
    }
}

/// <summary>A runner for loads that never reach the graph.</summary>
internal sealed class UnusedModelRunner : IModelRunner
{
    public Task<double[]> RunAsync(int[] ids, int[] mask, int batch, int length) => throw new InvalidOperationException("the graph was not expected to run");
}
