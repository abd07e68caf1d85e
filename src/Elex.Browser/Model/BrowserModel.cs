using System.Diagnostics;
using System.Text.Json;
using Elex.Browser.JsApi;
using Elex.Core.Routing;
using Elex.Core.Routing.Glosses;
using Elex.Core.Semantics;

namespace Elex.Browser.Model;

/// <summary>
/// Gives a swarm's router the sentence model that elex.js fetched: reads the manifest, vocabulary and
/// shipped feature vectors, encodes (with the model) only the features whose text the vectors do not
/// cover, and attaches the index. Until this completes, and if it fails, the router routes as before.
/// </summary>
public static class BrowserModel
{
    /// <summary>Attaches the model to <paramref name="router"/>; resolves with what was loaded.</summary>
    /// <exception cref="ElexApiException">MODEL_UNAVAILABLE, naming the file and what was wrong with it.</exception>
    public static async Task<JsModelStatus> AttachAsync(FeatureRouter router, string? manifestJson, string? vocabulary, byte[]? vectors, IModelRunner runner)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(runner);
        var started = Stopwatch.GetTimestamp();
        if (router.Semantic is { } attached)
            return new JsModelStatus("ready", attached.Encoder.ModelId, router.Catalog.Count, 0, 0, null);
        try
        {
            var manifest = ParseManifest(manifestJson);
            var tokenizer = new ModelTokenizer(manifest, vocabulary ?? throw new InvalidDataException("vocab.txt is missing"));
            var table = FeatureVectorTable.Read(vectors ?? throw new InvalidDataException("features.bin is missing"));
            var encoder = new BrowserSentenceEncoder(manifest, tokenizer, runner);
            var encoded = 0;
            var index = await SemanticIndex.FromTableAsync(router.Catalog, RoutingGlosses.Embedded, table, encoder, (done, _) => encoded = done).ConfigureAwait(true);
            router.AttachSemantic(index);
            return new JsModelStatus("ready", manifest.ModelId!, router.Catalog.Count, encoded, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null);
        }
        catch (Exception e) when (e is not ElexApiException and not OperationCanceledException)
        {
            throw new ElexApiException(ElexErrorCodes.ModelUnavailable, $"the sentence model could not be attached: {e.Message}; the swarm goes on routing on exact and lexical evidence", e);
        }
    }

    private static ModelManifest ParseManifest(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) throw new InvalidDataException("manifest.json is empty");
        try
        {
            return (JsonSerializer.Deserialize(json, ElexJsonContext.Default.ModelManifest) ?? throw new InvalidDataException("manifest.json is null")).Validate();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"manifest.json is not valid JSON ({e.Message})");
        }
    }
}

/// <summary>The sentence model's state as JavaScript sees it.</summary>
/// <param name="State"><c>none</c>, <c>loading</c>, <c>ready</c> or <c>failed</c>.</param>
/// <param name="ModelId">The model, once known.</param>
/// <param name="Features">Features with a model vector.</param>
/// <param name="EncodedFeatures">Of those, how many the page encoded itself (their text was not in the shipped vectors).</param>
/// <param name="AttachMs">Time to read the vectors and attach the model.</param>
/// <param name="Error">Why the model is not in use, when it failed.</param>
public sealed record JsModelStatus(string State, string? ModelId, int Features, int EncodedFeatures, double AttachMs, string? Error)
{
    /// <summary>No model asked for yet.</summary>
    public static JsModelStatus None { get; } = new("none", null, 0, 0, 0, null);
}
