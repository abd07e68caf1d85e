using Elex.Core.Vectors;

namespace Elex.Core.Tests.Vectors;

public class ColumnMajorIndexTests
{
    [Fact]
    public void Search_MatchesBruteForceOnRandomSparseAndDenseQueries()
    {
        const int dims = 64, count = 2000;
        var random = new Random(7);
        var columnar = new ColumnMajorIndex(dims);
        var exact = new ExactVectorIndex(dims);
        for (var i = 0; i < count; i++)
        {
            var v = Enumerable.Range(0, dims).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            Assert.Equal(columnar.Add(v), exact.Add(v));
        }
        for (var q = 0; q < 100; q++)
        {
            var query = new float[dims];
            var nonZero = q % 2 == 0 ? 5 : dims;
            for (var j = 0; j < nonZero; j++) query[random.Next(dims)] = (float)(random.NextDouble() * 2 - 1);
            if (query.All(x => x == 0)) query[0] = 1;
            var expected = exact.Search(query, 10);
            var actual = columnar.Search(query, 10);
            Assert.Equal(expected.Select(n => n.Id), actual.Select(n => n.Id));
            Assert.All(expected.Zip(actual), p => Assert.Equal(p.First.Similarity, p.Second.Similarity, 4));
        }
    }

    [Fact]
    public void Search_SparseVectorsWithTiedScores_KeepsTheBestAndTheLowerIdOfATie()
    {
        // One-hot vectors: a one-hot query scores 1 for a few, 0 for most, and ties everywhere,
        // so whole blocks of zeros are skipped once the top k is full.
        const int dims = 40, count = 600;
        var index = new ColumnMajorIndex(dims);
        for (var i = 0; i < count; i++)
        {
            var v = new float[dims];
            v[i % dims] = 1;
            if (i % 7 == 0) v[(i + 3) % dims] = 0.5f;
            index.Add(v);
        }
        var scores = new float[count];
        for (var q = 0; q < dims; q++)
        {
            var query = new float[dims];
            query[q] = 1;
            for (var i = 0; i < count; i++)
                scores[i] = i % 7 == 0 ? (i % dims == q ? 1 : (i + 3) % dims == q ? 0.5f : 0) / MathF.Sqrt(1.25f) : i % dims == q ? 1 : 0;
            foreach (var k in new[] { 1, 5, 24, 100 })
            {
                var expected = Enumerable.Range(0, count).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k).ToArray();
                Assert.Equal(expected, index.Search(query, k).Select(n => n.Id));
            }
        }
    }

    [Fact]
    public void ScoreAll_IsTheCosineOfEveryVectorById()
    {
        const int dims = 32, count = 300;
        var random = new Random(3);
        var index = new ColumnMajorIndex(dims);
        var vectors = new List<float[]>();
        for (var i = 0; i < count; i++)
        {
            var v = Enumerable.Range(0, dims).Select(_ => random.Next(3) == 0 ? (float)(random.NextDouble() * 2 - 1) : 0f).ToArray();
            v[i % dims] = 1;
            vectors.Add(v);
            index.Add(v);
        }
        var query = new float[dims];
        query[3] = 2;
        query[7] = -1;
        var scores = new float[count];
        index.ScoreAll(query, scores);
        for (var i = 0; i < count; i++)
        {
            var v = vectors[i];
            var cosine = Enumerable.Range(0, dims).Sum(d => (double)v[d] * query[d]) / Math.Sqrt(v.Sum(x => (double)x * x)) / Math.Sqrt(5);
            Assert.Equal(cosine, scores[i], 5);
        }
        Assert.Equal(index.Search(query, 10).Select(n => n.Id), Enumerable.Range(0, count).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(10));
        Assert.Contains("scores buffer", Assert.Throws<ArgumentException>(() => index.ScoreAll(query, new float[count - 1])).Message);
    }

    [Fact]
    public void Search_KLargerThanCount_ReturnsAllBestFirst()
    {
        var index = new ColumnMajorIndex(2);
        index.Add([1, 0]);
        index.Add([0, 1]);
        index.Add([1, 1]);
        var found = index.Search([1, 0.1f], 10);
        Assert.Equal([0, 2, 1], found.Select(n => n.Id));
    }

    [Fact]
    public void Add_AfterFirstSearch_Throws()
    {
        var index = new ColumnMajorIndex(2);
        index.Add([1, 0]);
        index.Search([1, 0], 1);
        Assert.Throws<InvalidOperationException>(() => index.Add([0, 1]));
    }

    [Fact]
    public void BadInput_ThrowsNamingTheProblem()
    {
        var index = new ColumnMajorIndex(2);
        Assert.Contains("zero", Assert.Throws<ArgumentException>(() => index.Add([0, 0])).Message);
        index.Add([1, 0]);
        Assert.Throws<ArgumentException>(() => index.Search([1, 0, 0], 1));
        Assert.Contains("zero", Assert.Throws<ArgumentException>(() => index.Search([0, 0], 1)).Message);
    }

    [Fact]
    public void Empty_ReturnsNothing() => Assert.Empty(new ColumnMajorIndex(3).Search([1, 0, 0], 5));
}
