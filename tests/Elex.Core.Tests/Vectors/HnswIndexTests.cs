using System.Diagnostics;
using Elex.Core.Vectors;
using Xunit.Abstractions;

namespace Elex.Core.Tests.Vectors;

/// <summary>Builds the 20,000-vector index once for the recall and concurrency tests.</summary>
public sealed class HnswRecallFixture
{
    public const int Dimensions = 64;
    public const int VectorCount = 20_000;
    public const int QueryCount = 200;
    public const int K = 10;

    public HnswRecallFixture()
    {
        Data = HnswIndexTests.Gaussian(VectorCount, Dimensions, seed: 20_000);
        Queries = HnswIndexTests.Gaussian(QueryCount, Dimensions, seed: 200);

        var stopwatch = Stopwatch.StartNew();
        Index = new HnswIndex(Dimensions);
        foreach (var vector in Data) Index.Add(vector);
        BuildTime = stopwatch.Elapsed;

        var exact = new ExactVectorIndex(Dimensions);
        foreach (var vector in Data) exact.Add(vector);
        Truth = Queries.Select(q => exact.Search(q, K).Select(n => n.Id).ToArray()).ToArray();
    }

    public float[][] Data { get; }
    public float[][] Queries { get; }
    internal HnswIndex Index { get; }
    public TimeSpan BuildTime { get; }
    public int[][] Truth { get; }
}

public sealed class HnswIndexTests(HnswRecallFixture fixture, ITestOutputHelper output) : IClassFixture<HnswRecallFixture>
{
    [Fact]
    public void Recall_at_10_is_at_least_99_percent_against_exact_search_on_20k_gaussian_vectors()
    {
        var index = fixture.Index;
        Assert.Equal(HnswRecallFixture.VectorCount, index.Count);
        Assert.Equal(new HnswOptions().EfSearch, index.EfSearch);

        var buffer = new VectorNeighbor[HnswRecallFixture.K];
        var hits = 0;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < fixture.Queries.Length; i++)
        {
            var written = index.Search(fixture.Queries[i], HnswRecallFixture.K, buffer);
            Assert.Equal(HnswRecallFixture.K, written);
            AssertBestFirst(buffer.AsSpan(0, written));
            hits += buffer.Count(n => fixture.Truth[i].Contains(n.Id));
        }
        var perQuery = stopwatch.Elapsed.TotalMilliseconds / fixture.Queries.Length;
        var recall = hits / (double)(HnswRecallFixture.K * fixture.Queries.Length);

        output.WriteLine($"build of {index.Count} x {index.Dimensions}: {fixture.BuildTime.TotalSeconds:F2} s (M={index.Options.M}, efConstruction={index.Options.EfConstruction}, max level {index.MaxLevel})");
        output.WriteLine($"recall@10 = {recall:F4} at efSearch={index.EfSearch}, {perQuery:F3} ms/query");
        Assert.True(recall >= 0.99, $"recall@10 was {recall:F4}");
    }

    [Fact]
    public void Reported_similarities_are_the_exact_cosine_similarities()
    {
        var index = fixture.Index;
        var query = fixture.Queries[0];
        var norm = MathF.Sqrt(query.Sum(x => x * x));
        foreach (var neighbor in index.Search(query, 5))
        {
            var v = fixture.Data[neighbor.Id];
            var cosine = Dot(query, v) / (norm * MathF.Sqrt(v.Sum(x => x * x)));
            Assert.Equal(cosine, neighbor.Similarity, 1e-5f);
        }
    }

    [Fact]
    public async Task Concurrent_searches_return_the_same_answers_as_sequential_ones()
    {
        var index = fixture.Index;
        var queries = fixture.Queries;
        var expected = queries.Select(q => index.Search(q, HnswRecallFixture.K)).ToArray();

        const int Workers = 8;
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, Workers).Select(w => Task.Factory.StartNew(() =>
        {
            start.Wait();
            var buffer = new VectorNeighbor[HnswRecallFixture.K];
            var answers = new VectorNeighbor[queries.Length][];
            for (var n = 0; n < queries.Length; n++)
            {
                var i = (n + w * 37) % queries.Length; // each worker in a different order
                var written = index.Search(queries[i], HnswRecallFixture.K, buffer);
                answers[i] = buffer[..written];
            }
            return answers;
        }, TaskCreationOptions.LongRunning)).ToArray();
        start.Set();
        var all = await Task.WhenAll(tasks);

        foreach (var answers in all)
        {
            for (var i = 0; i < queries.Length; i++) Assert.Equal(expected[i], answers[i]);
        }
    }

    [Fact]
    public void Graph_respects_the_link_limits_and_layering()
    {
        var index = fixture.Index;
        var m = index.Options.M;
        Assert.Equal(index.MaxLevel, index.LevelOf(index.EntryPoint));
        var seen = new HashSet<int>();
        for (var id = 0; id < index.Count; id++)
        {
            var level = index.LevelOf(id);
            Assert.InRange(level, 0, index.MaxLevel);
            for (var layer = 0; layer <= level; layer++)
            {
                var links = index.NeighborsOf(id, layer);
                // Every node has a link on layer 0; a node alone on an upper layer has none there.
                Assert.InRange(links.Length, layer == 0 ? 1 : 0, layer == 0 ? 2 * m : m);
                seen.Clear();
                foreach (var other in links)
                {
                    Assert.NotEqual(id, other);
                    Assert.True(seen.Add(other), $"node {id} links to {other} twice on layer {layer}");
                    Assert.InRange(other, 0, index.Count - 1);
                    Assert.True(index.LevelOf(other) >= layer, $"node {id} links on layer {layer} to {other}, which is not on that layer");
                }
            }
        }
    }

    [Fact]
    public void Ef_override_and_EfSearch_property_agree_and_ef_below_k_is_raised_to_k()
    {
        var index = fixture.Index;
        var query = fixture.Queries[2];
        var viaOverride = new VectorNeighbor[HnswRecallFixture.K];
        var viaProperty = new VectorNeighbor[HnswRecallFixture.K];
        var original = index.EfSearch;
        Assert.Equal(HnswRecallFixture.K, index.Search(query, HnswRecallFixture.K, viaOverride, ef: 100));
        try
        {
            index.EfSearch = 100;
            Assert.Equal(HnswRecallFixture.K, index.Search(query, HnswRecallFixture.K, viaProperty));
        }
        finally
        {
            index.EfSearch = original;
        }
        Assert.Equal(viaOverride, viaProperty);

        var small = new VectorNeighbor[HnswRecallFixture.K];
        Assert.Equal(HnswRecallFixture.K, index.Search(query, HnswRecallFixture.K, small, ef: 1));
        AssertBestFirst(small);
    }

    [Fact]
    public void Empty_index_returns_no_results()
    {
        var index = new HnswIndex(3);
        var buffer = new VectorNeighbor[5];
        Assert.Equal(0, index.Count);
        Assert.Equal(0, index.Search([1f, 2f, 3f], 5, buffer));
        Assert.Empty(index.Search([1f, 2f, 3f], 5));
    }

    [Fact]
    public void K_of_zero_returns_nothing()
    {
        var index = SmallIndex(out _);
        Assert.Equal(0, index.Search([1f, 0f, 0f, 0f], 0, Span<VectorNeighbor>.Empty));
        Assert.Empty(index.Search([1f, 0f, 0f, 0f], 0));
    }

    [Fact]
    public void K_larger_than_count_returns_every_vector_best_first()
    {
        var index = SmallIndex(out var exact);
        var query = new[] { 0.9f, 0.3f, -0.2f, 0.1f };
        var buffer = new VectorNeighbor[50];
        var written = index.Search(query, 50, buffer);
        Assert.Equal(index.Count, written);
        Assert.Equal(exact.Search(query, 50), buffer[..written]);
        Assert.Equal(index.Count, index.Search(query, 50).Count);
    }

    [Fact]
    public void Single_element_is_found_with_its_cosine_similarity()
    {
        var index = new HnswIndex(2);
        Assert.Equal(0, index.Add([3f, 4f]));
        var result = Assert.Single(index.Search([4f, 3f], 3));
        Assert.Equal(0, result.Id);
        Assert.Equal(24f / 25f, result.Similarity, 1e-6f);
    }

    [Fact]
    public void Ids_are_assigned_in_insertion_order()
    {
        var index = new HnswIndex(2);
        Assert.Equal(0, index.Add([1f, 0f]));
        Assert.Equal(1, index.Add([0f, 1f]));
        Assert.Equal(2, index.Add([1f, 1f]));
        Assert.Equal(3, index.Count);
    }

    [Fact]
    public void Duplicate_vectors_are_all_found_with_similarity_one_ties_by_id()
    {
        var index = new HnswIndex(4, new HnswOptions { M = 4 });
        var random = new Random(5);
        var duplicate = new[] { 0.5f, -1f, 2f, 0.25f };
        var duplicateIds = new List<int>();
        for (var i = 0; i < 200; i++)
        {
            if (i % 40 == 7) duplicateIds.Add(index.Add(duplicate));
            else index.Add([random.NextSingle() - 0.5f, random.NextSingle() - 0.5f, random.NextSingle() - 0.5f, random.NextSingle() - 0.5f]);
        }
        duplicateIds.Add(index.Add(duplicate.Select(x => x * 10f).ToArray())); // same direction, different length

        var found = index.Search(duplicate, duplicateIds.Count);
        Assert.Equal(duplicateIds, found.Select(n => n.Id).Order());
        Assert.All(found, n => Assert.Equal(1f, n.Similarity, 1e-6f));

        // Exact copies score bit-identically, so their order is by id.
        var copies = found.Where(n => n.Id != duplicateIds[^1]).Select(n => n.Id).ToArray();
        Assert.Equal(duplicateIds[..^1], copies);
    }

    [Fact]
    public void Wrong_dimensions_throw_naming_both_lengths()
    {
        var index = SmallIndex(out _);
        var add = Assert.Throws<ArgumentException>(() => index.Add([1f, 2f, 3f]));
        Assert.Equal("vector", add.ParamName);
        Assert.Contains("has 3 dimensions", add.Message, StringComparison.Ordinal);
        Assert.Contains("4-dimensional", add.Message, StringComparison.Ordinal);

        var search = Assert.Throws<ArgumentException>(() => index.Search([1f, 2f, 3f, 4f, 5f], 1));
        Assert.Equal("query", search.ParamName);
        Assert.Contains("query has 5 dimensions", search.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_and_non_finite_vectors_throw_and_leave_the_index_unchanged()
    {
        var index = SmallIndex(out _);
        var count = index.Count;

        var zero = Assert.Throws<ArgumentException>(() => index.Add(new float[4]));
        Assert.Equal("vector", zero.ParamName);
        Assert.Contains("zero vector", zero.Message, StringComparison.Ordinal);

        var nan = Assert.Throws<ArgumentException>(() => index.Add([1f, float.NaN, 0f, 0f]));
        Assert.Contains("NaN or infinite component at index 1", nan.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => index.Add([1f, 0f, float.PositiveInfinity, 0f]));
        Assert.Equal(count, index.Count);

        var zeroQuery = Assert.Throws<ArgumentException>(() => index.Search(new float[4], 1));
        Assert.Equal("query", zeroQuery.ParamName);
        Assert.Contains("zero vector", zeroQuery.Message, StringComparison.Ordinal);
        // Validated even when the index is empty.
        Assert.Throws<ArgumentException>(() => new HnswIndex(4).Search(new float[4], 1));
    }

    [Fact]
    public void Extreme_magnitudes_normalise()
    {
        var index = new HnswIndex(2);
        index.Add([3e30f, 4e30f]);
        index.Add([3e-30f, -4e-30f]);
        var results = index.Search([3f, 4f], 2);
        Assert.Equal(0, results[0].Id);
        Assert.Equal(1f, results[0].Similarity, 1e-6f);
        Assert.Equal(-7f / 25f, results[1].Similarity, 1e-6f);
    }

    [Fact]
    public void Bad_search_arguments_throw()
    {
        var index = SmallIndex(out _);
        float[] query = [1f, 0f, 0f, 0f];
        var shortBuffer = Assert.Throws<ArgumentException>(() => index.Search(query, 3, new VectorNeighbor[2]));
        Assert.Equal("results", shortBuffer.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search(query, -1, new VectorNeighbor[2]));
        var ef = Assert.Throws<ArgumentOutOfRangeException>(() => index.Search(query, 1, new VectorNeighbor[1], ef: 0));
        Assert.Equal("ef", ef.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.EfSearch = 0);
    }

    [Theory]
    [InlineData(1, 200, 64, "M")]
    [InlineData(HnswOptions.MaxM + 1, 200, 64, "M")]
    [InlineData(16, 0, 64, "EfConstruction")]
    [InlineData(16, 200, 0, "EfSearch")]
    public void Invalid_options_throw_naming_the_option(int m, int efConstruction, int efSearch, string name)
    {
        var options = new HnswOptions { M = m, EfConstruction = efConstruction, EfSearch = efSearch };
        var validate = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(name, validate.ParamName);
        Assert.Contains($"HnswOptions.{name}", validate.Message, StringComparison.Ordinal);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new HnswIndex(8, options)).ParamName);
    }

    [Fact]
    public void Defaults_are_valid_and_dimensions_must_be_positive()
    {
        var options = new HnswOptions();
        options.Validate();
        Assert.Equal((16, 200, 512, 42), (options.M, options.EfConstruction, options.EfSearch, options.Seed));
        new HnswOptions { M = 2, EfConstruction = 1, EfSearch = 1 }.Validate();
        Assert.Throws<ArgumentOutOfRangeException>(() => new HnswIndex(0));
    }

    [Fact]
    public void Builds_with_the_same_seed_are_identical()
    {
        var data = Gaussian(3_000, 16, seed: 11);
        var queries = Gaussian(50, 16, seed: 12);
        var options = new HnswOptions { M = 8, EfConstruction = 64, EfSearch = 32, Seed = 7 };
        var a = Build(data, options);
        var b = Build(data, options);

        Assert.Equal(a.EntryPoint, b.EntryPoint);
        Assert.Equal(a.MaxLevel, b.MaxLevel);
        for (var id = 0; id < a.Count; id++)
        {
            Assert.Equal(a.LevelOf(id), b.LevelOf(id));
            for (var layer = 0; layer <= a.LevelOf(id); layer++)
                Assert.True(a.NeighborsOf(id, layer).SequenceEqual(b.NeighborsOf(id, layer)), $"node {id} layer {layer} differs");
        }
        foreach (var q in queries) Assert.Equal(a.Search(q, 10), b.Search(q, 10));

        var other = Build(data, options with { Seed = 8 });
        Assert.Contains(Enumerable.Range(0, data.Length), id => other.LevelOf(id) != a.LevelOf(id));
    }

    [Fact]
    public void Visited_epoch_wrap_around_keeps_results_correct()
    {
        var data = Gaussian(500, 8, seed: 3);
        var index = Build(data, new HnswOptions { M = 6, EfConstruction = 40 });
        var query = Gaussian(1, 8, seed: 4)[0];
        var expected = index.Search(query, 10);

        var scratch = index.RentScratchForTest();
        scratch.SetEpoch(int.MaxValue - 1);
        index.ReturnScratchForTest(scratch);
        for (var i = 0; i < 3; i++) Assert.Equal(expected, index.Search(query, 10)); // epochs MaxValue, then wrap to 1, 2
        Assert.Equal(2, scratch.Epoch);
    }

    [Fact]
    public void Smallest_options_build_a_searchable_index()
    {
        var data = Gaussian(300, 8, seed: 21);
        var index = Build(data, new HnswOptions { M = 2, EfConstruction = 1, EfSearch = 1 });
        foreach (var q in Gaussian(10, 8, seed: 22))
        {
            var results = index.Search(q, 5);
            Assert.Equal(5, results.Count);
            Assert.Equal(5, results.Select(n => n.Id).Distinct().Count());
            AssertBestFirst(results.ToArray());
        }
    }

    internal static float[][] Gaussian(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            var v = vectors[i] = new float[dimensions];
            for (var j = 0; j < dimensions; j++)
            {
                // Box-Muller.
                var u1 = 1.0 - random.NextDouble();
                var u2 = random.NextDouble();
                v[j] = (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
            }
        }
        return vectors;
    }

    private static HnswIndex Build(float[][] data, HnswOptions options)
    {
        var index = new HnswIndex(data[0].Length, options);
        foreach (var v in data) index.Add(v);
        return index;
    }

    private static HnswIndex SmallIndex(out ExactVectorIndex exact)
    {
        float[][] data =
        [
            [1f, 0f, 0f, 0f], [0f, 1f, 0f, 0f], [0f, 0f, 1f, 0f], [0f, 0f, 0f, 1f],
            [1f, 1f, 0f, 0f], [1f, -1f, 0.5f, 0f], [-1f, 0.2f, 0.1f, 0.3f],
        ];
        var index = new HnswIndex(4);
        exact = new ExactVectorIndex(4);
        foreach (var v in data)
        {
            index.Add(v);
            exact.Add(v);
        }
        return index;
    }

    private static void AssertBestFirst(ReadOnlySpan<VectorNeighbor> results)
    {
        for (var i = 1; i < results.Length; i++)
            Assert.True(results[i - 1].Similarity >= results[i].Similarity, $"results not best-first at {i}");
    }

    private static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
