namespace Elex.Browser.Model;

/// <summary>
/// A model asset in hand: what .NET needs to attach it (the graph itself is already open in ONNX
/// Runtime Web behind the runner) and how it was obtained.
/// </summary>
/// <param name="ManifestJson">manifest.json as text.</param>
/// <param name="Vocabulary">vocab.txt as text.</param>
/// <param name="Vectors">features.bin.</param>
/// <param name="Bytes">Bytes of the asset (decoded).</param>
/// <param name="FromCache">True when every file came from the Cache Storage API.</param>
public sealed record ModelAsset(string ManifestJson, string Vocabulary, byte[] Vectors, long Bytes, bool FromCache);
