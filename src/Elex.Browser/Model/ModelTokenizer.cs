using FastBertTokenizer;

namespace Elex.Browser.Model;

/// <summary>
/// The question and document tokenisation of the CLR encoder (<c>OnnxSentenceEncoder</c>), for a model
/// run outside .NET: FastBertTokenizer over the model's vocabulary, lower-cased, the query prefix before
/// a question, cut to the manifest's token limits, [CLS] first and [SEP] last. Not thread-safe (the page
/// has one thread; callers elsewhere lock).
/// </summary>
public sealed class ModelTokenizer
{
    private readonly BertTokenizer _tokenizer = new();
    private readonly ModelManifest _manifest;

    /// <summary>Loads the vocabulary (<c>vocab.txt</c>, one WordPiece a line).</summary>
    /// <exception cref="InvalidDataException">The vocabulary is empty or not a WordPiece vocabulary.</exception>
    public ModelTokenizer(ModelManifest manifest, string vocabulary)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(vocabulary);
        _manifest = manifest;
        if (!vocabulary.Contains("[CLS]", StringComparison.Ordinal) || !vocabulary.Contains("[SEP]", StringComparison.Ordinal))
            throw new InvalidDataException("vocab.txt is not a WordPiece vocabulary (no [CLS] or [SEP] token)");
        using var reader = new StringReader(vocabulary);
        _tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
    }

    /// <summary>The ids for a question that is already model text (abbreviations expanded): prefix included.</summary>
    public long[] QueryTokenIds(string modelText) => Encode(_manifest.QueryPrefix + modelText, _manifest.MaxQueryTokens);

    /// <summary>The ids for a document (a feature's text): no prefix.</summary>
    public long[] DocumentTokenIds(string text) => Encode(text, _manifest.MaxDocumentTokens);

    private long[] Encode(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new long[maxTokens];
        var mask = new long[maxTokens];
        var length = _tokenizer.Encode(text, ids, mask);
        return ids[..length];
    }
}
