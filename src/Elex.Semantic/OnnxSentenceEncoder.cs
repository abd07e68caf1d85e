using System.Numerics.Tensors;
using System.Reflection;
using Elex.Core.Semantics;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace Elex.Semantic;

/// <summary>
/// A BERT-family sentence encoder run locally with ONNX Runtime: WordPiece tokens from
/// FastBertTokenizer, the model's last hidden state pooled and L2-normalised. Each text is its own
/// run (no padding; a vector never depends on the rest of the batch); a batch's runs go to several
/// cores at once on one session, so the weights are loaded once. Thread-safe.
/// </summary>
public sealed class OnnxSentenceEncoder : ISentenceEncoder, IDisposable
{
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly Lock _tokenizerLock = new();
    private readonly SentenceModel _model;
    private readonly bool _needsTokenTypes;
    private readonly int _concurrentRuns;

    private OnnxSentenceEncoder(InferenceSession session, BertTokenizer tokenizer, SentenceModel model, int concurrentRuns)
    {
        _concurrentRuns = concurrentRuns;
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
    /// <param name="model">The model and its recipe.</param>
    /// <param name="intraOpThreads">Threads one model run may use.</param>
    /// <param name="concurrentRuns">Model runs one call may have going at once (one per text).</param>
    /// <param name="graphCache">A folder that keeps the int8 graph between processes (see <see cref="QuantizedGraphCache"/>), or null.</param>
    /// <param name="warn">Receives what went wrong with a cached graph (it is rebuilt).</param>
    /// <exception cref="SemanticModelException">The assembly, a resource or the graph cannot be loaded.</exception>
    public static OnnxSentenceEncoder Load(SentenceModel model, int intraOpThreads = 1, int concurrentRuns = 1, string? graphCache = null, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpThreads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrentRuns, 1);
        var tokenizer = new BertTokenizer();
        using (var stream = OpenResource(model, model.VocabularyResource))
        using (var reader = new StreamReader(stream))
        {
            tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        }
        return new OnnxSentenceEncoder(OpenSession(model, intraOpThreads, graphCache, warn), tokenizer, model, concurrentRuns);
    }

    private static InferenceSession OpenSession(SentenceModel model, int threads, string? graphCache, Action<string>? warn)
    {
        var cachePath = model.Int8 && graphCache is not null ? QuantizedGraphCache.PathFor(graphCache, model) : null;
        if (cachePath is not null && QuantizedGraphCache.TryRead(cachePath) is { } cached)
        {
            try
            {
                return CreateSession(cached, threads);
            }
            catch (SemanticModelException e)
            {
                warn?.Invoke($"The cached int8 model {cachePath} could not be loaded ({e.Message}); it is rebuilt.");
            }
        }
        var graph = ReadGraph(model);
        var session = CreateSession(graph, threads);
        if (cachePath is not null) QuantizedGraphCache.Write(cachePath, graph, warn);
        // The float graph's parse tree and the quantised copy (~200 MB) are garbage once the session
        // holds the graph: hand the memory back to the OS instead of keeping it resident.
        if (model.Int8) GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return session;
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
        return Tokenize([modelText], _model.QueryPrefix, _model.MaxQueryTokens)[0];
    }

    /// <summary>The ONNX graph as it runs: quantised when the model says <see cref="SentenceModel.Int8"/>.</summary>
    /// <exception cref="SemanticModelException">The package, the resource or the graph cannot be read.</exception>
    public static byte[] ReadGraph(SentenceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var stream = OpenResource(model, model.ModelResource);
        if (model.Int8) return Int8Quantization.Quantize(stream);
        var graph = new byte[stream.Length];
        stream.ReadExactly(graph);
        return graph;
    }

    /// <summary>The assembly of the package that ships <paramref name="model"/>.</summary>
    /// <exception cref="SemanticModelException">The package is not available.</exception>
    internal static Assembly PackageOf(SentenceModel model)
    {
        try
        {
            return Assembly.Load(model.AssemblyName);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new SemanticModelException($"The model package '{model.AssemblyName}' is not available: {e.Message}", e);
        }
    }

    /// <summary>Opens one of the model's embedded resources (the ONNX graph or the vocabulary) for reading.</summary>
    /// <exception cref="SemanticModelException">The package or the resource is not there.</exception>
    public static Stream OpenResource(SentenceModel model, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(resourceName);
        return PackageOf(model).GetManifestResourceStream(resourceName)
            ?? throw new SemanticModelException($"'{model.AssemblyName}' has no resource '{resourceName}'.");
    }

    /// <summary>Encodes one question.</summary>
    public float[] EncodeQuery(string text)
    {
        var vector = new float[Dimensions];
        EncodeQueries([text], vector);
        return vector;
    }

    /// <summary>Tokens the model reads for a text (special tokens and any query prefix included, after the cut).</summary>
    public int TokenCount(string text, bool query)
    {
        ArgumentNullException.ThrowIfNull(text);
        return query
            ? Tokenize([text], _model.QueryPrefix, _model.MaxQueryTokens)[0].Length
            : Tokenize([text], "", _model.MaxDocumentTokens)[0].Length;
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

        var tokens = Tokenize(texts, prefix, maxTokens);
        if (texts.Count == 1 || _concurrentRuns == 1)
        {
            for (var i = 0; i < texts.Count; i++) Run(tokens[i], destination.Slice(i * Dimensions, Dimensions));
            return;
        }
        var vectors = new float[texts.Count * Dimensions];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = _concurrentRuns },
            i => Run(tokens[i], vectors.AsSpan(i * Dimensions, Dimensions)));
        vectors.CopyTo(destination);
    }

    private long[][] Tokenize(IReadOnlyList<string> texts, string prefix, int maxTokens)
    {
        var tokens = new long[texts.Count][];
        lock (_tokenizerLock)
        {
            var scratchIds = new long[maxTokens];
            var scratchMask = new long[maxTokens];
            for (var i = 0; i < texts.Count; i++)
            {
                var length = _tokenizer.Encode(prefix + texts[i], scratchIds, scratchMask);
                tokens[i] = scratchIds[..length];
            }
        }
        return tokens;
    }

    /// <summary>
    /// One model run for one text. Texts never share a run: no padding, and a text's vector never
    /// depends on which others were asked with it (an int8 run scales by the whole batch's values).
    /// </summary>
    private void Run(long[] ids, Span<float> vector)
    {
        long[] shape = [1, ids.Length];
        var mask = new long[ids.Length];
        mask.AsSpan().Fill(1);
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = _needsTokenTypes ? OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape) : null;
        var inputs = new Dictionary<string, OrtValue> { ["input_ids"] = idsValue, ["attention_mask"] = maskValue };
        if (typesValue is not null) inputs["token_type_ids"] = typesValue;

        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, inputs, [_model.OutputName]);
        var states = outputs[0].GetTensorDataAsSpan<float>();
        var dims = Dimensions;
        if (_model.Pooling == Pooling.Cls)
        {
            states[..dims].CopyTo(vector);
        }
        else
        {
            vector.Clear();
            for (var t = 0; t < ids.Length; t++) TensorPrimitives.Add(vector, states.Slice(t * dims, dims), vector);
        }
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
