using System.Numerics.Tensors;
using Elex.Core.Catalog;
using Elex.Core.Routing.Glosses;

namespace Elex.Core.Semantics;

/// <summary>
/// One sentence-model vector per feature, made from the feature's name, acronym and routing gloss,
/// scored against a question's vector by cosine (all vectors are unit length, so a dot product).
/// </summary>
public sealed class SemanticIndex
{
    private readonly float[] _vectors;

    /// <summary>Wraps vectors already computed for <paramref name="catalog"/> (row-major, one per feature ordinal).</summary>
    public SemanticIndex(FeatureCatalog catalog, ISentenceEncoder encoder, float[] vectors)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Length != catalog.Count * encoder.Dimensions)
            throw new ArgumentException($"{vectors.Length} floats do not hold {catalog.Count} vectors of {encoder.Dimensions}.", nameof(vectors));
        Catalog = catalog;
        Encoder = encoder;
        _vectors = vectors;
    }

    /// <summary>The catalog the vectors belong to.</summary>
    public FeatureCatalog Catalog { get; }

    /// <summary>The model that made them, and that encodes questions.</summary>
    public ISentenceEncoder Encoder { get; }

    /// <summary>Vector length.</summary>
    public int Dimensions => Encoder.Dimensions;

    /// <summary>The raw vectors (for caching).</summary>
    public ReadOnlySpan<float> Vectors => _vectors;

    /// <summary>The text the model reads for a feature: who it is, then what it does.</summary>
    internal static string DocumentText(Feature feature, FeatureGloss? gloss)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var name = feature.Acronym is { Length: > 0 } acronym ? $"{feature.Name} ({acronym})" : feature.Name;
        return gloss is null ? $"{name}. {feature.Domain}." : $"{name}. {gloss.Gloss} {string.Join(", ", gloss.Terms)}.";
    }

    /// <summary>The document texts of every feature, by ordinal.</summary>
    public static IReadOnlyList<string> DocumentTexts(FeatureCatalog catalog, RoutingGlosses glosses)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(glosses);
        var texts = new string[catalog.Count];
        for (var i = 0; i < texts.Length; i++) texts[i] = DocumentText(catalog[i], glosses.For(catalog[i].Code));
        return texts;
    }

    /// <summary>Encodes every feature (in batches of <paramref name="batchSize"/>).</summary>
    public static SemanticIndex Build(FeatureCatalog catalog, RoutingGlosses glosses, ISentenceEncoder encoder, int batchSize = 16)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var texts = DocumentTexts(catalog, glosses);
        var dims = encoder.Dimensions;
        var vectors = new float[texts.Count * dims];
        var batch = new List<string>(batchSize);
        for (var start = 0; start < texts.Count; start += batchSize)
        {
            batch.Clear();
            for (var i = start; i < Math.Min(texts.Count, start + batchSize); i++) batch.Add(texts[i]);
            encoder.EncodeDocuments(batch, vectors.AsSpan(start * dims, batch.Count * dims));
        }
        return new SemanticIndex(catalog, encoder, vectors);
    }

    /// <summary>Encodes one question (abbreviations spelled out, see <see cref="ModelText"/>).</summary>
    public float[] EncodeQuery(string text)
    {
        var vector = new float[Dimensions];
        Encoder.EncodeQueries([ModelText(text)], vector);
        return vector;
    }

    /// <summary>Encodes questions into <paramref name="destination"/>, one vector each.</summary>
    public void EncodeQueries(IReadOnlyList<string> texts, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var prepared = new string[texts.Count];
        for (var i = 0; i < prepared.Length; i++) prepared[i] = ModelText(texts[i]);
        Encoder.EncodeQueries(prepared, destination);
    }

    /// <summary>
    /// Encodes questions into <paramref name="destination"/>, one vector each, through the model's
    /// asynchronous path when it has one (<see cref="IAsyncSentenceEncoder"/>: the browser's), else
    /// synchronously.
    /// </summary>
    public Task EncodeQueriesAsync(IReadOnlyList<string> texts, Memory<float> destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var prepared = new string[texts.Count];
        for (var i = 0; i < prepared.Length; i++) prepared[i] = ModelText(texts[i]);
        if (Encoder is IAsyncSentenceEncoder model) return model.EncodeQueriesAsync(prepared, destination, cancellationToken);
        Encoder.EncodeQueries(prepared, destination.Span);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The index for <paramref name="catalog"/> from shipped vectors (<paramref name="table"/>): features
    /// whose document text the table does not hold are encoded with the model, in batches of
    /// <paramref name="batchSize"/>. <paramref name="progress"/> gets (encoded, to encode).
    /// </summary>
    /// <exception cref="ArgumentException">The table was made with another model or vector length.</exception>
    public static async Task<SemanticIndex> FromTableAsync<TEncoder>(FeatureCatalog catalog, RoutingGlosses glosses, FeatureVectorTable table, TEncoder encoder,
        Action<int, int>? progress = null, int batchSize = 16, CancellationToken cancellationToken = default)
        where TEncoder : ISentenceEncoder, IAsyncSentenceEncoder
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (table.ModelId != ((ISentenceEncoder)encoder).ModelId || table.Dimensions != ((ISentenceEncoder)encoder).Dimensions)
            throw new ArgumentException($"The feature vectors were made by {table.ModelId} ({table.Dimensions}-d), not by the loaded model {((ISentenceEncoder)encoder).ModelId} ({((ISentenceEncoder)encoder).Dimensions}-d).", nameof(table));
        var (vectors, missing) = table.For(catalog, glosses);
        var dims = table.Dimensions;
        var texts = DocumentTexts(catalog, glosses);
        for (var start = 0; start < missing.Count; start += batchSize)
        {
            var batch = missing.Skip(start).Take(batchSize).ToList();
            var encoded = new float[batch.Count * dims];
            await ((IAsyncSentenceEncoder)encoder).EncodeDocumentsAsync(batch.Select(o => texts[o]).ToList(), encoded, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++) encoded.AsSpan(i * dims, dims).CopyTo(vectors.AsSpan(batch[i] * dims, dims));
            progress?.Invoke(start + batch.Count, missing.Count);
        }
        return new SemanticIndex(catalog, encoder, vectors);
    }

    /// <summary>What the model reads of a question: RAN abbreviations spelled out beside them.</summary>
    public static string ModelText(string question) => Text.RanAbbreviations.Expand(question);

    /// <summary>The vector of the feature at an ordinal.</summary>
    public ReadOnlySpan<float> VectorOf(int ordinal) => _vectors.AsSpan(ordinal * Dimensions, Dimensions);

    /// <summary>Cosine of the question with every feature, by ordinal.</summary>
    public void Score(ReadOnlySpan<float> query, Span<float> scores)
    {
        if (query.Length != Dimensions) throw new ArgumentException($"The question vector has {query.Length} dimensions, the index {Dimensions}.", nameof(query));
        var dims = Dimensions;
        for (var i = 0; i < Catalog.Count; i++) scores[i] = TensorPrimitives.Dot(query, _vectors.AsSpan(i * dims, dims));
    }
}
