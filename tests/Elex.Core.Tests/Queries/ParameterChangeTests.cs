using Elex.Core.Queries;

namespace Elex.Core.Tests.Queries;

public class ParameterChangeTests
{
    [Theory]
    [InlineData("set sleepMode to 2 on cell X", "sleepMode", "2", null, null, "X")]
    [InlineData("Please change MimoSleepFunction.sleepMode to 1", "MimoSleepFunction.sleepMode", "1", null, null, null)]
    [InlineData("sleepMode=3 on node LTE01", "sleepMode", "3", "LTE01", null, null)]
    [InlineData("set cellRange to 150 on EUtranCellFDD=CELL1 of node RBS1", "cellRange", "150", "RBS1", "EUtranCellFDD", "CELL1")]
    [InlineData("roll back sleepMode on MimoSleepFunction=1 of node ERBS3 to 0", "sleepMode", "0", "ERBS3", "MimoSleepFunction", "1")]
    [InlineData("set sleepMode on NRCellDU=12 of node GNB_7 to 2", "sleepMode", "2", "GNB_7", "NRCellDU", "12")]
    [InlineData("Lower the qRxLevMin to -124 on node RBS9", "qRxLevMin", "-124", "RBS9", null, null)]
    [InlineData("increase EUtranCellFDD.cellRange for cell C7 to 100", "EUtranCellFDD.cellRange", "100", null, null, "C7")]
    public void Find_ReadsParameterValueAndTarget(string text, string parameter, string value, string? node, string? mo, string? instance)
    {
        var change = Assert.Single(ParameterChange.Find(text));
        Assert.Equal((parameter, value), (change.Parameter, change.Value));
        Assert.Equal((node, mo, instance), (change.Target.Node, change.Target.MoClass, change.Target.Instance));
    }

    [Theory]
    [InlineData("which counters show MSM is working?")]
    [InlineData("how do I increase throughput to 100 Mbps on this cell")]
    [InlineData("change the parameter for cell X to something safer")]
    public void Find_NoChange_Empty(string text) => Assert.Empty(ParameterChange.Find(text));

    [Fact]
    public void Find_SeveralChanges_AllInOrder_AssignmentsOnlyWhenNoSetPhrase()
    {
        var both = ParameterChange.Find("set sleepMode to 2 and set sleepStartTime to 23:00 on node RBS1");
        Assert.Equal([("sleepMode", "2"), ("sleepStartTime", "23:00")], both.Select(c => (c.Parameter, c.Value)));
        Assert.All(both, c => Assert.Equal("RBS1", c.Target.Node));

        var assignments = ParameterChange.Find("sleepMode=2, sleepStartTime=23:00");
        Assert.Equal([("sleepMode", "2"), ("sleepStartTime", "23:00")], assignments.Select(c => (c.Parameter, c.Value)));

        var setWins = ParameterChange.Find("set sleepMode to 2 where otherParam=1");
        Assert.Equal("sleepMode", Assert.Single(setWins).Parameter);
    }
}
