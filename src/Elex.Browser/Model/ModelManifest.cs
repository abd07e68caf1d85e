namespace Elex.Browser.Model;

/// <summary>
/// <c>manifest.json</c> of a model asset (<c>elex model export</c>): which model, how to read a
/// question for it, and the files. Only the recipe fields matter to .NET; elex.js reads the files.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>The asset format; <see cref="ExpectedFormat"/>.</summary>
    public string? Format { get; init; }
    /// <summary>Model and recipe identity (the CLR's <c>SentenceModel.Id</c>).</summary>
    public string? ModelId { get; init; }
    /// <summary>Vector length.</summary>
    public int Dimensions { get; init; }
    /// <summary><c>cls</c>: the first token's vector is the sentence's.</summary>
    public string? Pooling { get; init; }
    /// <summary>Text put before every question.</summary>
    public string QueryPrefix { get; init; } = "";
    /// <summary>Tokens kept of a question.</summary>
    public int MaxQueryTokens { get; init; }
    /// <summary>Tokens kept of a document.</summary>
    public int MaxDocumentTokens { get; init; }

    /// <summary>The format this build reads.</summary>
    public const string ExpectedFormat = "elex-model/1";

    /// <summary>Checks what the browser path relies on; the message names the field.</summary>
    /// <exception cref="InvalidDataException">A field is missing or not what this build can run.</exception>
    public ModelManifest Validate()
    {
        if (Format != ExpectedFormat) throw new InvalidDataException($"manifest.json: format is '{Format}', expected '{ExpectedFormat}'");
        if (string.IsNullOrWhiteSpace(ModelId)) throw new InvalidDataException("manifest.json: modelId is missing");
        if (Dimensions <= 0) throw new InvalidDataException($"manifest.json: dimensions {Dimensions} must be positive");
        if (Pooling != "cls") throw new InvalidDataException($"manifest.json: pooling '{Pooling}' is not supported (cls only)");
        if (MaxQueryTokens < 3 || MaxDocumentTokens < 3) throw new InvalidDataException("manifest.json: maxQueryTokens and maxDocumentTokens must be at least 3");
        return this;
    }
}
