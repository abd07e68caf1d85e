using Elex.Core.Semantics;

namespace Elex.Semantic;

/// <summary>
/// Loads the model on first use. Feature vectors come from the cache and exact questions never reach
/// the model, so a one-shot question that names its feature does not pay the model's load time.
/// </summary>
public sealed class LazySentenceEncoder(SentenceModel model, int intraOpThreads = 1, int concurrentRuns = 1, string? graphCache = null, Action<string>? warn = null) : ISentenceEncoder, IDisposable
{
    private readonly Lazy<OnnxSentenceEncoder> _encoder = new(() => OnnxSentenceEncoder.Load(model, intraOpThreads, concurrentRuns, graphCache, warn), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <inheritdoc />
    public string ModelId => model.Id;

    /// <inheritdoc />
    public int Dimensions => model.Dimensions;

    /// <summary>True once the model has been loaded.</summary>
    public bool IsLoaded => _encoder.IsValueCreated;

    /// <inheritdoc />
    public void EncodeQueries(IReadOnlyList<string> texts, Span<float> destination) => _encoder.Value.EncodeQueries(texts, destination);

    /// <inheritdoc />
    public void EncodeDocuments(IReadOnlyList<string> texts, Span<float> destination) => _encoder.Value.EncodeDocuments(texts, destination);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_encoder.IsValueCreated) _encoder.Value.Dispose();
    }
}
