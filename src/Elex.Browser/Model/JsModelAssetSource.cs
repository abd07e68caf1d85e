using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;
using System.Text.Json;
using Elex.Browser.JsApi;

namespace Elex.Browser.Model;

/// <summary>
/// The asset fetched by elex-model.js (<c>prepareModel</c>: download with progress, Cache Storage API,
/// ONNX Runtime Web session), reached through the module <c>elex-model</c> that elex.js registers with
/// the runtime. A failure comes back as <c>{ error }</c> rather than a rejection, so its message
/// arrives as JavaScript wrote it.
/// </summary>
[SupportedOSPlatform("browser")]
internal sealed partial class JsModelAssetSource : IModelAssetSource
{
    public async Task<ModelAsset> FetchAsync(string url, Action<ModelProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        JSObject prepared;
        try
        {
            prepared = await Prepare(url, json => progress(Parse(json))).ConfigureAwait(true);
        }
        catch (JSException e)
        {
            throw new ModelAssetException(e.Message, e);
        }
        using (prepared)
        {
            if (prepared.GetPropertyAsString("error") is { } error) throw new ModelAssetException(error);
            return new ModelAsset(
                prepared.GetPropertyAsString("manifestText") ?? "",
                prepared.GetPropertyAsString("vocabulary") ?? "",
                prepared.GetPropertyAsByteArray("vectors") ?? [],
                (long)prepared.GetPropertyAsDouble("bytes"),
                prepared.GetPropertyAsBoolean("fromCache"));
        }
    }

    private static ModelProgress Parse(string json) =>
        JsonSerializer.Deserialize(json, ElexJsonContext.Default.ModelProgress) ?? throw new JsonException("a progress event was null");

    [JSImport("prepare", "elex-model")]
    private static partial Task<JSObject> Prepare(string url, [JSMarshalAs<JSType.Function<JSType.String>>] Action<string> progress);
}
