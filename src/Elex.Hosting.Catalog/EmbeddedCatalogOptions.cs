namespace Elex.Hosting;

/// <summary>How <c>AddElexEmbeddedCatalog</c> routes over the embedded full catalog.</summary>
public sealed class EmbeddedCatalogOptions
{
    /// <summary>Route questions in an engineer's own words with the local sentence model (default true); false routes on exact and lexical evidence only and never loads ONNX Runtime.</summary>
    public bool SentenceModel { get; set; } = true;

    /// <summary>
    /// Where the sentence model's feature vectors and its int8 graph are cached; null: a <c>semantic</c> folder beside
    /// the store (<see cref="ElexSwarmOptions.StorePath"/>), else no cache (the shipped vectors still seed the router).
    /// </summary>
    public string? CacheDirectory { get; set; }
}
