using System.Numerics.Tensors;
using System.Reflection;
using Elex.Core.Semantics;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace Elex.Semantic;

/// <summary>
/// A BERT-family sentence encoder run locally with ONNX Runtime: WordPiece tokens from
/// FastBertTokenizer, the model's last hidden state pooled and L2-normalised. Batches are padded
/// to their longest member, so one run serves several questions. Thread-safe.
/// </summary>
public sealed class OnnxSentenceEncoder : ISentenceEncoder, IDisposable
{
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly Lock _tokenizerLock = new();
    private readonly SentenceModel _model;
    private readonly bool _needsTokenTypes;

    private OnnxSentenceEncoder(InferenceSession session, BertTokenizer tokenizer, SentenceModel model)
    {
        _session = session;
        _tokenizer = tokenizer;
        _model = model;
        _needsTokenTypes = session.InputMetadata.ContainsKey("token_type_ids");
        Dimensions = session.OutputMetadata[model.OutputName].Dimensions[^1];
        if (Dimensions <= 0) Dimensions = model.Dimensions;
    }

    /// <inheritdoc />
    public string ModelId => _model.Id;

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <summary>Loads a model whose ONNX graph and vocabulary ship as resources of an assembly.</summary>
    /// <exception cref="SemanticModelException">The assembly, a resource or the graph cannot be loaded.</exception>
    public static OnnxSentenceEncoder Load(SentenceModel model, int intraOpThreads = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpThreads, 1);
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(model.AssemblyName);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new SemanticModelException($"The model package '{model.AssemblyName}' is not available: {e.Message}", e);
        }
        byte[] graph;
        using (var stream = assembly.GetManifestResourceStream(model.ModelResource)
            ?? throw new SemanticModelException($"'{model.AssemblyName}' has no resource '{model.ModelResource}'."))
        {
            graph = new byte[stream.Length];
            stream.ReadExactly(graph);
        }
        var tokenizer = new BertTokenizer();
        using (var stream = assembly.GetManifestResourceStream(model.VocabularyResource)
            ?? throw new SemanticModelException($"'{model.AssemblyName}' has no resource '{model.VocabularyResource}'."))
        using (var reader = new StreamReader(stream))
        {
            tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        }
        return new OnnxSentenceEncoder(CreateSession(graph, intraOpThreads), tokenizer, model);
    }

    /// <inheritdoc />
    public void EncodeQueries(IReadOnlyList<string> texts, Span<float> destination) =>
        Encode(texts, _model.QueryPrefix, _model.MaxQueryTokens, destination);

    /// <inheritdoc />
    public void EncodeDocuments(IReadOnlyList<string> texts, Span<float> destination) =>
        Encode(texts, "", _model.MaxDocumentTokens, destination);

    /// <summary>
    /// The token ids the model reads for a question that is already model text (see
    /// <c>SemanticIndex.ModelText</c>): the query prefix, lower-cased WordPiece, at most
    /// <see cref="SentenceModel.MaxQueryTokens"/> with [CLS] and [SEP]. The browser's tokenizer must give the same.
    /// </summary>
    public long[] QueryTokenIds(string modelText)
    {
        ArgumentNullException.ThrowIfNull(modelText);
        var ids = new long[_model.MaxQueryTokens];
        var mask = new long[_model.MaxQueryTokens];
        lock (_tokenizerLock)
        {
            var length = _tokenizer.Encode(_model.QueryPrefix + modelText, ids, mask);
            return ids[..length];
        }
    }

    /// <summary>Opens one of the model's embedded resources (the ONNX graph or the vocabulary) for reading.</summary>
    /// <exception cref="SemanticModelException">The package or the resource is not there.</exception>
    public static Stream OpenResource(SentenceModel model, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(resourceName);
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(model.AssemblyName);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new SemanticModelException($"The model package '{model.AssemblyName}' is not available: {e.Message}", e);
        }
        return assembly.GetManifestResourceStream(resourceName)
            ?? throw new SemanticModelException($"'{model.AssemblyName}' has no resource '{resourceName}'.");
    }

    /// <summary>Encodes one question.</summary>
    public float[] EncodeQuery(string text)
    {
        var vector = new float[Dimensions];
        EncodeQueries([text], vector);
        return vector;
    }

    private static InferenceSession CreateSession(byte[] graph, int threads)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        try
        {
            return new InferenceSession(graph, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new SemanticModelException($"The model graph could not be loaded: {e.Message}", e);
        }
    }

    private void Encode(IReadOnlyList<string> texts, string prefix, int maxTokens, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (destination.Length < texts.Count * Dimensions)
            throw new ArgumentException($"The destination holds {destination.Length} floats; {texts.Count} vectors need {texts.Count * Dimensions}.", nameof(destination));
        if (texts.Count == 0) return;

        var ids = new long[texts.Count][];
        var lengths = new int[texts.Count];
        var longest = 1;
        lock (_tokenizerLock)
        {
            var scratchIds = new long[maxTokens];
            var scratchMask = new long[maxTokens];
            for (var i = 0; i < texts.Count; i++)
            {
                var length = _tokenizer.Encode(prefix + texts[i], scratchIds, scratchMask);
                ids[i] = scratchIds[..length];
                lengths[i] = length;
                longest = Math.Max(longest, length);
            }
        }

        var batch = texts.Count;
        var inputIds = new long[batch * longest];
        var mask = new long[batch * longest];
        for (var i = 0; i < batch; i++)
        {
            ids[i].CopyTo(inputIds, i * longest);
            mask.AsSpan(i * longest, lengths[i]).Fill(1);
        }
        long[] shape = [batch, longest];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = _needsTokenTypes ? OrtValue.CreateTensorValueFromMemory(new long[batch * longest], shape) : null;
        var inputs = new Dictionary<string, OrtValue> { ["input_ids"] = idsValue, ["attention_mask"] = maskValue };
        if (typesValue is not null) inputs["token_type_ids"] = typesValue;

        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, inputs, [_model.OutputName]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var dims = Dimensions;
        for (var i = 0; i < batch; i++)
        {
            var target = destination.Slice(i * dims, dims);
            var rows = hidden.Slice(i * longest * dims, longest * dims);
            if (_model.Pooling == Pooling.Cls)
            {
                rows[..dims].CopyTo(target);
            }
            else
            {
                target.Clear();
                for (var t = 0; t < lengths[i]; t++) TensorPrimitives.Add(target, rows.Slice(t * dims, dims), target);
            }
            var norm = TensorPrimitives.Norm(target);
            if (norm > 0) TensorPrimitives.Divide(target, norm, target);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
