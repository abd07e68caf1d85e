using Elex.Core.Queries;

namespace Elex.Core.Tests.Queries;

public class CommandTargetTests
{
    [Theory]
    [InlineData("set cellRange to 150 on EUtranCellFDD=CELL1 of node RBS1", "RBS1", "EUtranCellFDD", "CELL1")]
    [InlineData("cmedit-style: ManagedElement=LTE07 NRCellDU=N78_2 ssbPowerBoost", "LTE07", "NRCellDU", "N78_2")]
    [InlineData("raise the priority on cell Stockholm_3 at site SE1042", "SE1042", null, "Stockholm_3")]
    [InlineData("activate it on gNodeB GNB-55", "GNB-55", null, null)]
    [InlineData("set sleepMode to 2 on cell X", null, null, "X")]
    public void Find_ReadsNodeClassAndInstance(string text, string? node, string? mo, string? instance)
    {
        var target = CommandTarget.Find(text);
        Assert.Equal((node, mo, instance), (target.Node, target.MoClass, target.Instance));
    }

    [Theory]
    [InlineData("Which parameters control SSB power boosting on an NR cell?")]
    [InlineData("what does the cell range parameter do at node level")]
    [InlineData("sleepMode=2 for every cell")]
    [InlineData("how is a cell reselection priority chosen")]
    public void Find_WordsThatAreNotNames_NameNothing(string text) => Assert.True(CommandTarget.Find(text).IsEmpty, CommandTarget.Find(text).ToString());
}
