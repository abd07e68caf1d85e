using Elex.Core.Vectors;

namespace Elex.Core.Tests.Vectors;

public class TopSelectionTests
{
    public static TheoryData<string> Rows => ["dense", "sparse", "very sparse", "ties", "negative", "constant"];

    [Theory]
    [MemberData(nameof(Rows))]
    public void Select_IsTheBestFirstWithTheLowerIndexOnATie(string kind)
    {
        var random = new Random(kind.GetHashCode(StringComparison.Ordinal) & 0xffff);
        foreach (var n in new[] { 0, 1, 7, 100, 593, 2000 })
        {
            foreach (var k in new[] { 1, 5, 24, 64, 700 })
            {
                var scores = Row(kind, n, random);
                var expected = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k).ToArray();
                var results = new VectorNeighbor[k];
                var found = TopSelection.Select(scores, k, results);
                Assert.Equal(expected, results[..found].Select(r => r.Id));
                Assert.All(results[..found], r => Assert.Equal(scores[r.Id], r.Similarity));
            }
        }
    }

    [Fact]
    public void Select_NegativeZeroTiesWithZero()
    {
        var scores = new float[600];
        for (var i = 0; i < scores.Length; i++) scores[i] = i % 3 == 0 ? -0f : i < 30 ? 1f : -1f;
        var results = new VectorNeighbor[40];
        TopSelection.Select(scores, 40, results);
        var zeros = results.Skip(20).Select(r => r.Id).ToArray(); // 20 ones (i < 30, not divisible by 3) first
        Assert.Equal(Enumerable.Range(0, 200).Select(i => i * 3).Take(20), zeros);
    }

    [Fact]
    public void BestFirstKey_SortsBestScoreFirstThenLowerIndex()
    {
        var random = new Random(5);
        var pairs = Enumerable.Range(0, 2000).Select(i => (Score: random.Next(5) switch
        {
            0 => 0f,
            1 => -0f,
            2 => (float)(random.NextDouble() * 2 - 1) * 1e-30f,
            _ => (float)(random.NextDouble() * 200 - 100),
        }, Index: random.Next(100_000))).ToArray();
        var keys = pairs.Select(p => TopSelection.BestFirstKey(p.Score, p.Index)).Order().ToArray();
        var expected = pairs.OrderByDescending(p => p.Score).ThenBy(p => p.Index).Select(p => p.Index);
        Assert.Equal(expected, keys.Select(TopSelection.IndexOf));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopSelection.BestFirstKey(1f, -1));
    }

    [Fact]
    public void Select_BadArguments_NameTheProblem()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TopSelection.Select([1f], -1, new VectorNeighbor[1]));
        Assert.Contains("results buffer", Assert.Throws<ArgumentException>(() => TopSelection.Select([1f, 2f], 2, new VectorNeighbor[1])).Message);
    }

    private static float[] Row(string kind, int n, Random random)
    {
        var row = new float[n];
        for (var i = 0; i < n; i++)
        {
            row[i] = kind switch
            {
                "dense" => (float)random.NextDouble(),
                "sparse" => random.Next(10) == 0 ? (float)random.NextDouble() : 0f,
                "very sparse" => random.Next(60) == 0 ? (float)random.NextDouble() : 0f, // fewer than k above zero: the rest are zeros
                "ties" => random.Next(6) / 5f,
                "negative" => (float)(random.NextDouble() * 2 - 1),
                _ => 0.5f,
            };
        }
        return row;
    }
}
