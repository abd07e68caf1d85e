namespace Elex.Browser.Model;

/// <summary>Fetches a model asset folder and opens its graph for the runner, reporting progress.</summary>
public interface IModelAssetSource
{
    /// <summary>Fetches the asset at <paramref name="url"/> (cache first), calling <paramref name="progress"/> as it goes.</summary>
    /// <exception cref="ModelAssetException">The asset could not be fetched or opened; the message says which file and why.</exception>
    Task<ModelAsset> FetchAsync(string url, Action<ModelProgress> progress);
}

/// <summary>A model asset that could not be fetched or opened (a URL that does not answer, a missing or cut-short file, a graph that does not load).</summary>
public sealed class ModelAssetException(string message, Exception? inner = null) : Exception(message, inner);
