using Elex.Benchmarks.Scaling;
using Elex.Core.Routing;

namespace Elex.Benchmarks.Vectors;

/// <summary>
/// Vectors to index and queries to search them with, of one kind and size, for the
/// <c>hnsw-recall</c> mode. Row-major, one vector after another.
/// </summary>
/// <param name="Kind">What the vectors are, as the report prints it.</param>
/// <param name="Dimensions">Length of every vector.</param>
/// <param name="Count">Vectors to index.</param>
/// <param name="Data">The vectors to index.</param>
/// <param name="Queries">The queries.</param>
public sealed record RecallSet(string Kind, int Dimensions, int Count, float[] Data, float[] Queries)
{
    /// <summary>How many queries there are.</summary>
    public int QueryCount => Queries.Length / Dimensions;

    /// <summary>Vector <paramref name="i"/>.</summary>
    public ReadOnlySpan<float> Vector(int i) => Data.AsSpan(i * Dimensions, Dimensions);

    /// <summary>Query <paramref name="q"/>.</summary>
    public ReadOnlySpan<float> Query(int q) => Queries.AsSpan(q * Dimensions, Dimensions);

    /// <summary>
    /// What the router really indexes: the lexical (hashed-term) vectors of a synthetic catalog's
    /// features, searched with the lexical vectors of generated questions (by name, acronym,
    /// parameter), as a route builds them. Questions with no known term are left out, as a route
    /// does not search with them.
    /// </summary>
    public static RecallSet Lexical(int features, int queries)
    {
        var catalog = SyntheticCatalog.Generate(features);
        // Exact search: only the vectors are wanted here, not a second HNSW build.
        var router = FeatureRouter.Build(catalog, new RouterOptions { VectorSearch = VectorSearchMode.Exact });
        var dims = router.Embedder.Dimensions;
        var data = new float[features * dims];
        for (var i = 0; i < features; i++) router.VectorOf(i).CopyTo(data.AsSpan(i * dims, dims));

        var rows = new List<float[]>(queries);
        foreach (var q in GeneratedQuestions.For(catalog, queries * 2))
        {
            var vector = router.LexicalVector(q.Text);
            if (Array.Exists(vector, v => v != 0)) rows.Add(vector);
            if (rows.Count == queries) break;
        }
        var flat = new float[rows.Count * dims];
        for (var q = 0; q < rows.Count; q++) rows[q].CopyTo(flat, q * dims);
        return new RecallSet("lexical (router)", dims, features, data, flat);
    }

    /// <summary>
    /// Embedding-like vectors (<see cref="VectorDistribution.Clustered"/>): 512 dimensions stand
    /// for a dense text embedding in the router's size, 384 for the sentence model's.
    /// </summary>
    public static RecallSet Clustered(int dimensions, int count, int queries)
    {
        var generator = new SyntheticVectors(dimensions, VectorDistribution.Clustered);
        return new RecallSet($"clustered {dimensions}", dimensions, count, generator.Next(count), generator.Next(queries));
    }

    /// <summary>Isotropic Gaussian vectors: no structure, the worst case (and the old 0.27 recall).</summary>
    public static RecallSet Isotropic(int dimensions, int count, int queries)
    {
        var generator = new SyntheticVectors(dimensions, VectorDistribution.Isotropic);
        return new RecallSet($"isotropic {dimensions}", dimensions, count, generator.Next(count), generator.Next(queries));
    }
}
