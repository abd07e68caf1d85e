namespace Elex.Browser.Model;

/// <summary>What a completed model load gives back: the status (flat, as JavaScript sees it) and how the asset was obtained.</summary>
/// <param name="State"><c>ready</c>.</param>
/// <param name="ModelId">The model attached.</param>
/// <param name="Features">Features with a model vector.</param>
/// <param name="EncodedFeatures">Of those, how many were encoded here (their text was not in the shipped vectors).</param>
/// <param name="AttachMs">Time to read the vectors and attach the model.</param>
/// <param name="Error">Always null for a completed load.</param>
/// <param name="Bytes">Bytes of the asset (decoded).</param>
/// <param name="FromCache">True when every file came from the Cache Storage API.</param>
/// <param name="LoadMs">From the call to ready.</param>
public sealed record ModelLoadResult(string State, string? ModelId, int Features, int EncodedFeatures, double AttachMs, string? Error, long Bytes, bool FromCache, double LoadMs)
{
    internal static ModelLoadResult From(JsModelStatus status, ModelAsset asset, double loadMs) =>
        new(status.State, status.ModelId, status.Features, status.EncodedFeatures, status.AttachMs, status.Error, asset.Bytes, asset.FromCache, loadMs);
}
