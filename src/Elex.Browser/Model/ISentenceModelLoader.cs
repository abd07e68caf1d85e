namespace Elex.Browser.Model;

/// <summary>Loads the sentence model into one swarm's router on demand; what the JS API's <c>loadModel</c> and the dashboard both call.</summary>
public interface ISentenceModelLoader
{
    /// <summary>Where the model is: <c>none</c>, <c>loading</c>, <c>ready</c> or <c>failed</c> with why.</summary>
    JsModelStatus Status { get; }

    /// <summary>
    /// Fetches the asset at <paramref name="url"/> and attaches the model; a call while a load is in
    /// progress joins it, a call after success returns the same result, a call after a failure tries again.
    /// Until it completes, and if it fails, the swarm routes on exact and lexical evidence.
    /// </summary>
    /// <exception cref="JsApi.ElexApiException">MODEL_UNAVAILABLE naming what was wrong, INVALID_CONFIG for an empty URL.</exception>
    Task<ModelLoadResult> LoadAsync(string url, Action<ModelProgress>? progress);
}
