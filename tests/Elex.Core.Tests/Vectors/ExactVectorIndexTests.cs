using Elex.Core.Vectors;

namespace Elex.Core.Tests.Vectors;

public sealed class ExactVectorIndexTests
{
    private static readonly float InvSqrt2 = 1f / MathF.Sqrt(2f);

    private static ExactVectorIndex HandMade()
    {
        var index = new ExactVectorIndex(3);
        index.Add([1f, 0f, 0f]);    // 0
        index.Add([0f, 2f, 0f]);    // 1 (length does not matter)
        index.Add([1f, 1f, 0f]);    // 2
        index.Add([-3f, 0f, 0f]);   // 3
        index.Add([0f, 0f, 0.5f]);  // 4
        return index;
    }

    [Fact]
    public void Ranks_hand_made_vectors_by_cosine_similarity()
    {
        var index = HandMade();
        Assert.Equal(5, index.Count);
        Assert.Equal(3, index.Dimensions);

        var results = new VectorNeighbor[5];
        Assert.Equal(5, index.Search([2f, 0f, 0f], 5, results));
        Assert.Equal([0, 2, 1, 4, 3], results.Select(r => r.Id));
        Assert.Equal(1f, results[0].Similarity, 1e-6f);
        Assert.Equal(InvSqrt2, results[1].Similarity, 1e-6f);
        Assert.Equal(0f, results[2].Similarity, 1e-6f);
        Assert.Equal(0f, results[3].Similarity, 1e-6f);
        Assert.Equal(-1f, results[4].Similarity, 1e-6f);
    }

    [Fact]
    public void Returns_the_top_k_best_first()
    {
        var index = HandMade();
        var results = index.Search([1f, 1f, 0.1f], 2);
        Assert.Equal(2, results[0].Id);
        Assert.Equal(2f / MathF.Sqrt(2f * 2.01f), results[0].Similarity, 1e-6f);
        Assert.Equal(0, results[1].Id); // ties with id 1: the lower id wins
        Assert.Equal(1f / MathF.Sqrt(2.01f), results[1].Similarity, 1e-6f);
    }

    [Fact]
    public void Equal_similarities_are_ordered_by_id()
    {
        var index = new ExactVectorIndex(2);
        for (var i = 0; i < 5; i++) index.Add([1f, 1f]);
        Assert.Equal([0, 1, 2], index.Search([1f, 1f], 3).Select(r => r.Id));
    }

    [Fact]
    public void Empty_index_k_zero_and_k_above_count()
    {
        Assert.Empty(new ExactVectorIndex(3).Search([1f, 0f, 0f], 4));
        var index = HandMade();
        Assert.Equal(0, index.Search([1f, 0f, 0f], 0, Span<VectorNeighbor>.Empty));
        var buffer = new VectorNeighbor[10];
        Assert.Equal(5, index.Search([0f, 0f, 1f], 10, buffer));
        Assert.Equal(4, buffer[0].Id);
    }

    [Fact]
    public void Matches_a_naive_full_sort_on_random_vectors()
    {
        var data = HnswIndexTests.Gaussian(1_000, 300, seed: 5); // above the stack threshold for the query buffer
        var queries = HnswIndexTests.Gaussian(5, 300, seed: 6);
        var index = new ExactVectorIndex(300);
        foreach (var v in data) index.Add(v);
        foreach (var q in queries)
        {
            var expected = data
                .Select((v, id) => (id, cos: Cosine(q, v)))
                .OrderByDescending(x => x.cos).ThenBy(x => x.id)
                .Take(25).ToArray();
            var actual = index.Search(q, 25);
            Assert.Equal(expected.Select(x => x.id), actual.Select(r => r.Id));
            for (var i = 0; i < expected.Length; i++) Assert.Equal((float)expected[i].cos, actual[i].Similarity, 1e-5f);
        }
    }

    [Fact]
    public void Invalid_input_throws_with_clear_messages()
    {
        var index = HandMade();
        var wrong = Assert.Throws<ArgumentException>(() => index.Add([1f, 2f]));
        Assert.Equal("vector", wrong.ParamName);
        Assert.Contains("has 2 dimensions but the index holds 3-dimensional vectors", wrong.Message, StringComparison.Ordinal);

        var zero = Assert.Throws<ArgumentException>(() => index.Add([0f, 0f, 0f]));
        Assert.Contains("zero vector", zero.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => index.Add([0f, float.NaN, 0f]));
        Assert.Equal(5, index.Count);

        Assert.Equal("query", Assert.Throws<ArgumentException>(() => index.Search([1f], 1)).ParamName);
        Assert.Equal("query", Assert.Throws<ArgumentException>(() => index.Search([0f, 0f, 0f], 1)).ParamName);
        Assert.Equal("results", Assert.Throws<ArgumentException>(() => index.Search([1f, 0f, 0f], 2, new VectorNeighbor[1])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search([1f, 0f, 0f], -1, new VectorNeighbor[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExactVectorIndex(0));
    }

    [Fact]
    public void Extreme_magnitudes_normalise()
    {
        var index = new ExactVectorIndex(2);
        index.Add([3e30f, 4e30f]);
        index.Add([3e-30f, 4e-30f]);
        index.Add([float.MaxValue, float.MaxValue]);
        var results = index.Search([3e-40f, 4e-40f], 3); // a subnormal query
        Assert.Equal([0, 1, 2], results.Select(r => r.Id));
        Assert.Equal(1f, results[0].Similarity, 1e-6f);
        Assert.Equal(1f, results[1].Similarity, 1e-6f);
        Assert.Equal(7f / 5f * InvSqrt2, results[2].Similarity, 1e-6f);
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }
        return dot / Math.Sqrt(na * nb);
    }
}
