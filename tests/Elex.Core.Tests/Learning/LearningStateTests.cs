using Elex.Core.Learning;
using Elex.Core.Queries;

namespace Elex.Core.Tests.Learning;

public sealed class LearningStateTests
{
    [Fact]
    public void Index_round_trips_for_every_state_and_is_dense()
    {
        Assert.Equal(216, LearningState.Count);
        var seen = new bool[LearningState.Count];
        foreach (var type in Enum.GetValues<QueryType>())
        foreach (var complexity in Enum.GetValues<Complexity>())
        foreach (var bucket in Enum.GetValues<ConfidenceBucket>())
        foreach (var maturity in Enum.GetValues<Maturity>())
        {
            var state = new LearningState(type, complexity, bucket, maturity);
            var index = state.Index;
            Assert.InRange(index, 0, LearningState.Count - 1);
            Assert.False(seen[index]);
            seen[index] = true;
            Assert.Equal(state, LearningState.FromIndex(index));
        }
        Assert.All(seen, Assert.True);
        for (var i = 0; i < LearningState.Count; i++)
            Assert.Equal(i, LearningState.FromIndex(i).Index);
    }

    [Fact]
    public void Invalid_components_and_indexes_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningState.FromIndex(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningState.FromIndex(LearningState.Count));
        var bad = new LearningState((QueryType)6, Complexity.Simple, ConfidenceBucket.High, Maturity.Expert);
        Assert.False(bad.IsValid);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => bad.Index);
        Assert.Equal("Type", ex.ParamName);
    }

    // The buckets and maturities are internal and theories are public: expected values travel as numbers.
    [Theory]
    [InlineData(0f, (int)ConfidenceBucket.VeryLow)]
    [InlineData(0.2499f, (int)ConfidenceBucket.VeryLow)]
    [InlineData(0.25f, (int)ConfidenceBucket.Low)]
    [InlineData(0.4999f, (int)ConfidenceBucket.Low)]
    [InlineData(0.5f, (int)ConfidenceBucket.Medium)]
    [InlineData(0.7999f, (int)ConfidenceBucket.Medium)]
    [InlineData(0.8f, (int)ConfidenceBucket.High)]
    [InlineData(1f, (int)ConfidenceBucket.High)]
    [InlineData(float.NaN, (int)ConfidenceBucket.VeryLow)]
    [InlineData(-3f, (int)ConfidenceBucket.VeryLow)]
    public void Confidence_bucket_boundaries(float confidence, int expected) =>
        Assert.Equal((ConfidenceBucket)expected, ConfidenceBucket.From(confidence));

    [Theory]
    [InlineData(0, 100, (int)Maturity.Novice)]
    [InlineData(99, 100, (int)Maturity.Novice)]
    [InlineData(100, 100, (int)Maturity.Practised)]
    [InlineData(499, 100, (int)Maturity.Practised)]
    [InlineData(500, 100, (int)Maturity.Expert)]
    [InlineData(0, 0, (int)Maturity.Expert)]
    [InlineData(long.MaxValue, int.MaxValue, (int)Maturity.Expert)]
    public void Maturity_boundaries(long interactions, int threshold, int expected) =>
        Assert.Equal((Maturity)expected, Maturity.From(interactions, threshold));

    [Fact]
    public void Create_buckets_confidence_and_maturity()
    {
        var s = LearningState.Create(QueryType.Kpi, Complexity.Complex, 0.6f, 120, 100);
        Assert.Equal(new LearningState(QueryType.Kpi, Complexity.Complex, ConfidenceBucket.Medium, Maturity.Practised), s);
    }
}
