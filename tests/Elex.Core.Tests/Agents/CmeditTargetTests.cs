using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Responses;

namespace Elex.Core.Tests.Agents;

/// <summary>Commands address the node and MO instance the question named; placeholders and a warning otherwise, never a whole class.</summary>
public class CmeditTargetTests
{
    private static readonly FeatureCatalog Sample = SharedData.SampleCatalogInstance;

    private static AgentAnswer Ask(string code, string text) =>
        new FeatureAgent(Sample, Sample.Find(FeatureCode.Parse(code))!).Answer(new AnswerContext(text, QueryClassifier.Classify(text)));

    [Fact]
    public void NamedNodeAndInstance_GoIntoReadAndSet()
    {
        var answer = Ask("FAJ 121 5470", "set voltePreschedulingEnabled to true on EUtranCellTDD=T_55 of node ERBS9");
        Assert.Equal(["cmedit get ERBS9 EUtranCellTDD=T_55 voltePreschedulingEnabled", "cmedit set ERBS9 EUtranCellTDD=T_55 voltePreschedulingEnabled=true"],
            answer.Commands.Select(c => c.Command));
        Assert.Empty(answer.Warnings);
    }

    [Fact]
    public void CellNamedWithoutClass_UsesTheParametersCellClass_AndTheRatOfTheQuestion()
    {
        var answer = Ask("FAJ 121 5470", "set voltePreschedulingEnabled to false on cell C7 of node RBS2");
        Assert.Equal("cmedit set RBS2 EUtranCellFDD=C7 voltePreschedulingEnabled=false", answer.Commands.Single(c => c.Kind == CommandKind.SetParameter).Command);
    }

    [Fact]
    public void NothingNamed_PlaceholdersForNodeAndCell_WithWarnings()
    {
        var answer = Ask("FAJ 121 5470", "set voltePreschedulingEnabled to true");
        Assert.Equal("cmedit set <NODE> EUtranCellFDD=<CELL> voltePreschedulingEnabled=true", answer.Commands.Single(c => c.Kind == CommandKind.SetParameter).Command);
        Assert.Contains(answer.Warnings, w => w.StartsWith("No node named", StringComparison.Ordinal));
        Assert.Contains(answer.Warnings, w => w.StartsWith("No EUtranCellFDD instance named", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("EUtranCellFDD", "EUtranCellFDD=CELL1", "EUtranCellFDD", "CELL1")]
    [InlineData("UeMeasControl", "EUtranCellTDD=T1,UeMeasControl=1", "EUtranCellTDD", "T1")]
    [InlineData("LoadBalancingFunction", "LoadBalancingFunction", null, null)]
    [InlineData("EUtranFreqRelation", "EUtranCellFDD=C1,EUtranFreqRelation=<ID>", "EUtranCellFDD", "C1")]
    [InlineData("NRCellRelation", "NRCellCU=N1,NRCellRelation=<ID>", "NRCellCU", "N1")]
    [InlineData("EUtranFreqRelation", "EUtranFreqRelation=<ID>", null, null)]
    [InlineData("GUtranFreqRelation", "EUtranCellFDD=C2,GUtranFreqRelation=<ID>", null, "C2")]
    [InlineData("NRFreqRelation", "NRCellCU=N2,NRFreqRelation=<ID>", null, "N2")]
    [InlineData("GUtranCellRelation", "EUtranCellFDD=C2,GUtranFreqRelation=<ID>,GUtranCellRelation=<ID>", null, "C2")]
    [InlineData("NRCellDU", "NRCellDU=<CELL>", null, null)]
    public void ManagedObjectReference_NamesTheParentOnlyWhenTheQuestionDoes(string mo, string expected, string? namedClass, string? instance) =>
        Assert.Equal(expected, ManagedObjectRef.For(mo, new CommandTarget("N1", namedClass, instance)).Reference);
}
