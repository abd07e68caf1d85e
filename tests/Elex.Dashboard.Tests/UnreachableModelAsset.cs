using Elex.Browser.Model;

namespace Elex.Dashboard.Tests;

/// <summary>A model asset folder that does not answer (fault injection for the real loader); its graph never runs.</summary>
internal sealed class UnreachableModelAsset : IModelAssetSource, IModelRunner
{
    public Task<ModelAsset> FetchAsync(string url, Action<ModelProgress> progress)
    {
        progress(new ModelProgress("manifest", 0, 0, false));
        return Task.FromException<ModelAsset>(new ModelAssetException($"{url}manifest.json could not be fetched: HTTP 404 Not Found"));
    }

    public Task<double[]> RunAsync(int[] ids, int[] mask, int batch, int length) => throw new InvalidOperationException("the graph was not expected to run");
}
