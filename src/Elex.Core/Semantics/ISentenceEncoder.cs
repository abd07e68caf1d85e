namespace Elex.Core.Semantics;

/// <summary>
/// A sentence-embedding model: text in, one L2-normalised vector out. Questions and feature
/// descriptions may be encoded differently (asymmetric retrieval models prefix queries), so the
/// two are separate calls. Implementations live outside Core so that builds without a model
/// (WebAssembly) carry none.
/// </summary>
public interface ISentenceEncoder
{
    /// <summary>Identifies the model and its recipe; part of every cache key built from its vectors.</summary>
    string ModelId { get; }

    /// <summary>Vector length.</summary>
    int Dimensions { get; }

    /// <summary>Encodes questions, one vector each, into <paramref name="destination"/> (row-major, <c>texts.Count × Dimensions</c>).</summary>
    void EncodeQueries(IReadOnlyList<string> texts, Span<float> destination);

    /// <summary>Encodes documents (feature descriptions), one vector each, into <paramref name="destination"/>.</summary>
    void EncodeDocuments(IReadOnlyList<string> texts, Span<float> destination);
}
