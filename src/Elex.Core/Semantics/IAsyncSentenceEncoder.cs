namespace Elex.Core.Semantics;

/// <summary>
/// A sentence-embedding model that answers asynchronously: where the model runs outside .NET's
/// thread (ONNX Runtime Web in a page or Node resolves a Promise), a synchronous call cannot wait
/// for it. Vectors are L2-normalised, as from <see cref="ISentenceEncoder"/>.
/// </summary>
public interface IAsyncSentenceEncoder
{
    /// <summary>Identifies the model and its recipe (the same id as its synchronous twin on the CLR).</summary>
    string ModelId { get; }

    /// <summary>Vector length.</summary>
    int Dimensions { get; }

    /// <summary>Encodes questions (prefix and all, as the model expects), one vector each, row-major into <paramref name="destination"/>.</summary>
    Task EncodeQueriesAsync(IReadOnlyList<string> texts, Memory<float> destination, CancellationToken cancellationToken = default);

    /// <summary>Encodes documents (feature descriptions), one vector each, row-major into <paramref name="destination"/>.</summary>
    Task EncodeDocumentsAsync(IReadOnlyList<string> texts, Memory<float> destination, CancellationToken cancellationToken = default);
}
