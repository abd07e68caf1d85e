using Elex.Core.Queries;

namespace Elex.Core.Tests.Queries;

public class ParameterChangeTests
{
    [Theory]
    [InlineData("set sleepMode to 2 on cell X", "sleepMode", "2", "X")]
    [InlineData("Please change MimoSleepFunction.sleepMode to 1", "MimoSleepFunction.sleepMode", "1", null)]
    [InlineData("sleepMode=3 on node LTE01", "sleepMode", "3", "LTE01")]
    public void Find_ReadsParameterValueAndTarget(string text, string parameter, string value, string? target) =>
        Assert.Equal(new ParameterChange(parameter, value, target), Assert.Single(ParameterChange.Find(text)));

    [Fact]
    public void Find_NoChange_Empty() => Assert.Empty(ParameterChange.Find("which counters show MSM is working?"));
}
