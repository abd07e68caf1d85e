using System.Numerics.Tensors;
using Elex.Core.Semantics;

namespace Elex.Browser.Model;

/// <summary>
/// The sentence model in a page or Node: .NET tokenises (exactly as the CLR encoder does), the graph runs
/// in ONNX Runtime Web (<see cref="IModelRunner"/>), and the [CLS] vectors come back to be L2-normalised
/// here. Asynchronous only: the synchronous <see cref="ISentenceEncoder"/> calls refuse with a message
/// saying so (a page's one thread cannot wait for a Promise), so a caller that needs them falls back.
/// </summary>
public sealed class BrowserSentenceEncoder : ISentenceEncoder, IAsyncSentenceEncoder
{
    private readonly ModelTokenizer _tokenizer;
    private readonly IModelRunner _runner;

    /// <summary>Creates the encoder over a tokenizer and a runner of the same model.</summary>
    public BrowserSentenceEncoder(ModelManifest manifest, ModelTokenizer tokenizer, IModelRunner runner)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(runner);
        ModelId = manifest.ModelId!;
        Dimensions = manifest.Dimensions;
        _tokenizer = tokenizer;
        _runner = runner;
    }

    /// <inheritdoc cref="ISentenceEncoder.ModelId" />
    public string ModelId { get; }

    /// <inheritdoc cref="ISentenceEncoder.Dimensions" />
    public int Dimensions { get; }

    /// <summary>Model runs made (one per text).</summary>
    public int Runs { get; private set; }

    /// <inheritdoc />
    public void EncodeQueries(IReadOnlyList<string> texts, Span<float> destination) =>
        throw new NotSupportedException("the browser's sentence model encodes asynchronously only; the question is routed on exact and lexical evidence");

    /// <inheritdoc />
    public void EncodeDocuments(IReadOnlyList<string> texts, Span<float> destination) =>
        throw new NotSupportedException("the browser's sentence model encodes asynchronously only");

    /// <inheritdoc />
    public Task EncodeQueriesAsync(IReadOnlyList<string> texts, Memory<float> destination, CancellationToken cancellationToken = default) =>
        EncodeAsync(texts, _tokenizer.QueryTokenIds, destination);

    /// <inheritdoc />
    public Task EncodeDocumentsAsync(IReadOnlyList<string> texts, Memory<float> destination, CancellationToken cancellationToken = default) =>
        EncodeAsync(texts, _tokenizer.DocumentTokenIds, destination);

    private async Task EncodeAsync(IReadOnlyList<string> texts, Func<string, long[]> tokenize, Memory<float> destination)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (destination.Length < texts.Count * Dimensions)
            throw new ArgumentException($"The destination holds {destination.Length} floats; {texts.Count} vectors need {texts.Count * Dimensions}.", nameof(destination));
        if (texts.Count == 0) return;
        // One run per text, as the CLR encoder runs: the int8 graph scales activations by the whole
        // run, so a padded batch would give a question a vector that depends on its neighbours.
        for (var i = 0; i < texts.Count; i++)
        {
            var (ids, mask, length) = Pad([tokenize(texts[i])]);
            var output = await _runner.RunAsync(ids, mask, 1, length).ConfigureAwait(true);
            Runs++;
            if (output.Length != Dimensions)
                throw new InvalidOperationException($"The model returned {output.Length} values for a vector of {Dimensions}.");
            var row = destination.Span.Slice(i * Dimensions, Dimensions);
            for (var d = 0; d < Dimensions; d++) row[d] = (float)output[d];
            var norm = TensorPrimitives.Norm(row);
            if (norm > 0) TensorPrimitives.Divide(row, norm, row);
        }
    }

    /// <summary>Rows padded to the longest, with the attention mask.</summary>
    internal static (int[] Ids, int[] Mask, int Length) Pad(IReadOnlyList<long[]> rows)
    {
        var length = Math.Max(1, rows.Max(r => r.Length));
        var ids = new int[rows.Count * length];
        var mask = new int[rows.Count * length];
        for (var i = 0; i < rows.Count; i++)
            for (var t = 0; t < rows[i].Length; t++)
            {
                ids[i * length + t] = checked((int)rows[i][t]);
                mask[i * length + t] = 1;
            }
        return (ids, mask, length);
    }
}
