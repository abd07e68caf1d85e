using Elex.Core.Vectors;

namespace Elex.Core.Tests.Vectors;

public sealed class RowDotTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(13)]
    [InlineData(384)]
    [InlineData(512)]
    public void Four_rows_at_once_score_exactly_as_one_row_at_a_time_and_match_the_plain_sum(int dimensions)
    {
        // Bitwise equality is what makes a pair's similarity independent of how the walk grouped it.
        var random = new Random(dimensions);
        var rows = new float[6 * dimensions];
        for (var i = 0; i < rows.Length; i++) rows[i] = (float)(random.NextDouble() * 2 - 1);
        var x = new float[dimensions];
        for (var i = 0; i < x.Length; i++) x[i] = (float)(random.NextDouble() * 2 - 1);

        var four = new float[4];
        RowDot.Four(x, rows, 5 * dimensions, 0, 2 * dimensions, 5 * dimensions, four);
        int[] offsets = [5, 0, 2, 5];
        for (var r = 0; r < 4; r++)
        {
            var offset = offsets[r] * dimensions;
            Assert.Equal(RowDot.One(x, rows, offset), four[r]);
            var plain = 0.0;
            for (var i = 0; i < dimensions; i++) plain += (double)x[i] * rows[offset + i];
            Assert.Equal(plain, four[r], 1e-4);
        }
    }

    [Fact]
    public void A_row_past_the_end_of_the_array_throws()
    {
        var rows = new float[8];
        Assert.Throws<ArgumentOutOfRangeException>(() => RowDot.One(new float[4], rows, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => RowDot.Four(new float[4], rows, 0, 0, 0, 8, new float[4]));
    }
}
