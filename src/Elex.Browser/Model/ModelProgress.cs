using System.Text.Json.Serialization;

namespace Elex.Browser.Model;

/// <summary>One step of loading the sentence model, as elex-model.js reports it (and the JS API's <c>onProgress</c> receives it).</summary>
/// <param name="Phase"><c>manifest</c>, <c>download</c>, <c>session</c>, <c>attach</c> or <c>ready</c>.</param>
/// <param name="Loaded">Bytes of the asset in hand so far (decoded, all files together).</param>
/// <param name="Total">Bytes of the whole asset; 0 until the manifest is read.</param>
/// <param name="FromCache">True when this step was served from the Cache Storage API.</param>
/// <param name="File">The file a <c>download</c> step is about.</param>
public sealed record ModelProgress(
    string Phase,
    long Loaded,
    long Total,
    bool FromCache,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? File = null)
{
    /// <summary>Whole percent of the asset in hand (0 while the size is unknown).</summary>
    public int Percent => Total <= 0 ? 0 : (int)Math.Clamp(Loaded * 100 / Total, 0, 100);
}
