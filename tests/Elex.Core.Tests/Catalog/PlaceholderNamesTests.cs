using Elex.Core.Catalog;

namespace Elex.Core.Tests.Catalog;

public class PlaceholderNamesTests
{
    [Theory]
    [InlineData("zzzTemporary39")]
    [InlineData("zzztemporary55")]
    [InlineData("zzzTemp20")]
    [InlineData("zzzTemporaryExt3")]
    [InlineData("pmZtemporary118")]
    [InlineData("dummy")]
    [InlineData("dummy4")]
    [InlineData("spare2")]
    [InlineData("zzzAnything")]
    public void PlaceholderNames_AreRecognised(string name) => Assert.True(PlaceholderNames.IsPlaceholder(name));

    [Theory]
    [InlineData("sleepMode")]
    [InlineData("dummyCdmaBandClass")]
    [InlineData("testMode")]
    [InlineData("reservedBy")]
    [InlineData("pmSfpTemperature")]
    [InlineData("pmMacTempAlarmSCellDistr")]
    public void RealNamesThatContainAPlaceholderWord_AreKept(string name) => Assert.False(PlaceholderNames.IsPlaceholder(name));
}
