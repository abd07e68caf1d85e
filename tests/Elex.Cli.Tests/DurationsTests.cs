namespace Elex.Cli.Tests;

public class DurationsTests
{
    [Theory]
    [InlineData(0, "0 ms")]
    [InlineData(0.4, "< 0.001 ms")]
    [InlineData(4.2, "0.004 ms")]
    [InlineData(41.2, "0.04 ms")]
    [InlineData(530, "0.53 ms")]
    [InlineData(4_300, "4.3 ms")]
    [InlineData(83_172, "83 ms")]
    [InlineData(150_215, "150 ms")]
    [InlineData(999_700, "1 s")]
    [InlineData(1_234_567, "1.2 s")]
    [InlineData(150_215_000, "150 s")]
    [InlineData(-5, "0 ms")]
    public void FromMicroseconds_PrintsMillisecondsOrSecondsWithSensiblePrecision(double microseconds, string expected) =>
        Assert.Equal(expected, Durations.FromMicroseconds(microseconds));
}
