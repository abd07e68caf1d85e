using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Responses;

namespace Elex.Core.Tests.Agents;

/// <summary>Each intent's answer leads with what was asked and holds the catalog facts an engineer needs.</summary>
public class IntentAnswerTests
{
    private static readonly FeatureCatalog Sample = SharedData.SampleCatalogInstance;

    private static Feature F(string code) => Sample.Find(FeatureCode.Parse(code))!;

    private static AgentAnswer Ask(string code, string text, QueryType type, bool all = false, IReadOnlyList<Feature>? compared = null) =>
        new FeatureAgent(Sample, F(code)).Answer(new AnswerContext(text, new Classification(type, Complexity.Simple)) { ShowAll = all, Compared = compared ?? [] });

    [Fact]
    public void WhatIs_OneParagraphWithRatDomainKeyAndPrerequisites()
    {
        var vp = F("FAJ 121 5470");
        var answer = Ask("FAJ 121 5470", "what is VoLTE prescheduling?", QueryType.General);
        var paragraph = answer.Text.Split('\n')[0];
        Assert.StartsWith($"{vp.DisplayName} is an LTE feature", paragraph);
        Assert.Contains(vp.Cxc!, paragraph);
        Assert.Contains(vp.Domain, paragraph);
        // Prerequisites in activation order: Prescheduling before ASGH-Based Prescheduling, which needs it.
        Assert.True(answer.Text.IndexOf("Prescheduling (P,", StringComparison.Ordinal) < answer.Text.IndexOf("ASGH-Based Prescheduling", StringComparison.Ordinal));
        Assert.Equal("The catalog holds no description of its behaviour, nor parameter ranges, defaults or units.", answer.Text.Split('\n')[^1]);
    }

    [Fact]
    public void Parameters_GroupedByManagedObjectAndRole_WithPathsAndTheCatalogsLimits()
    {
        var answer = Ask("FAJ 121 3094", "which parameters configure MSM?", QueryType.Parameter);
        Assert.Contains("MimoSleepFunction", answer.Text);
        Assert.Contains("  introduced: ", answer.Text);
        Assert.Contains("sleepMode", answer.Text);
        Assert.Contains("Range, default and unit: not in the catalog", answer.Text);
        Assert.Contains("EUtranCellFDD (ManagedElement=<node>,ENodeBFunction=1,EUtranCellFDD=<cell>)", Ask("FAJ 121 5470", "VoLTE prescheduling parameters", QueryType.Parameter).Text);
    }

    [Fact]
    public void Parameters_OnlyReferenced_AreListedNotJustCounted()
    {
        var mst = F("FAJ 121 3089");
        Assert.DoesNotContain(mst.Parameters, p => p.Role != ParameterRole.Referenced);
        var answer = Ask("FAJ 121 3089", "which parameters does micro sleep tx use?", QueryType.Parameter);
        Assert.Contains(mst.Parameters[0].QualifiedName, answer.Text);
    }

    [Fact]
    public void Lists_AreCountedWhenCut_AndCompleteWhenAllIsAsked()
    {
        var anr = F("FAJ 121 0497");
        var cut = Ask("FAJ 121 0497", "ANR counters", QueryType.Counter);
        Assert.Matches(@"\(12 of \d+ shown\)", cut.Text);
        var all = Ask("FAJ 121 0497", "ANR counters", QueryType.Counter, all: true);
        Assert.DoesNotContain(" shown)", all.Text.Split('\n').First(l => l.StartsWith("  ", StringComparison.Ordinal)));
        Assert.All(anr.Counters, c => Assert.Contains(c.Name, all.Text));
    }

    [Fact]
    public void Counters_ThatMatchTheQuestion_ComeFirst()
    {
        var answer = Ask("FAJ 121 3094", "which MSM counters show the tx off ratio?", QueryType.Counter);
        var first = answer.Text.Split('\n')[0];
        Assert.StartsWith("Matching what you asked: ", first);
        Assert.Contains("their units and formulas are not in the catalog", answer.Text);
        Assert.Contains("pmTxOffRatio", first);
        Assert.DoesNotContain("pmMimoSleepTime", first);
    }

    [Theory]
    [InlineData("is MSM worth enabling on a rural site")]
    [InlineData("should I turn on MIMO Sleep Mode on node RBS4")]
    public void AskingWhetherItIsWorthIt_SaysTheCatalogCannotTell_AndHowToMeasureIt_BeforeTheProcedure(string text)
    {
        var answer = Ask("FAJ 121 3094", text, QueryType.Procedure);
        var first = answer.Text.Split('\n')[0];
        Assert.StartsWith("Whether MIMO Sleep Mode pays off on your network is not in the catalog", first);
        Assert.Contains("pmMimoSleepTime", first);
        Assert.Contains("Pre-checks", answer.Text);
        Assert.DoesNotContain("pays off", Ask("FAJ 121 3094", "how do I activate MSM", QueryType.Procedure).Text);
    }

    [Fact]
    public void Activation_IsAMethodOfProcedure_WithConflictsFromBothSidesAndARollback()
    {
        var ifo = F("FAJ 121 3061");
        var declaredAgainstIfo = Sample.Features.Where(f => f.Conflicts.Contains(ifo.Code) && !ifo.Conflicts.Contains(f.Code)).ToList();
        Assert.NotEmpty(declaredAgainstIfo);
        var answer = Ask("FAJ 121 3061", "how do I activate inter-frequency offload on node RBS9?", QueryType.Procedure);
        var text = answer.Text;
        Assert.True(text.IndexOf("Pre-checks", StringComparison.Ordinal) < text.IndexOf("Change", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Post-checks", StringComparison.Ordinal) < text.IndexOf("Rollback", StringComparison.Ordinal));
        foreach (var other in declaredAgainstIfo)
        {
            Assert.Contains($"{other.DisplayName} must be DEACTIVATED (declared by {other.Name})", text);
            Assert.Contains(answer.Commands, c => c.Kind == CommandKind.Read && c.Command == $"cmedit get RBS9 FeatureState={other.Cxc} featureState,licenseState,serviceState");
        }
        var kinds = answer.Commands.Select(c => c.Kind).ToList();
        Assert.True(kinds.IndexOf(CommandKind.Read) < kinds.IndexOf(CommandKind.ActivateFeature), "reads come before any change");
        Assert.Equal(CommandKind.DeactivateFeature, kinds[^1]);
        Assert.All(answer.Commands, c => Assert.Contains(" RBS9 ", c.Command));
    }

    [Fact]
    public void Activation_SaysSoWhenNoOtherFeatureMustChangeFirst()
    {
        const string NothingElse = "The catalog lists no prerequisite and no conflicting feature";
        bool HasEdges(Feature f) => f.Requires.Count > 0 || f.Conflicts.Count > 0 || Sample.Features.Any(o => o.Conflicts.Contains(f.Code));
        var alone = Sample.Features.First(f => !HasEdges(f));
        var withEdges = Sample.Features.First(HasEdges);
        Assert.Contains($"{NothingElse} for {alone.Name}", Ask(alone.Code.Value, $"what does {alone.Name} need before I turn it on?", QueryType.Procedure).Text);
        Assert.DoesNotContain(NothingElse, Ask(withEdges.Code.Value, $"how do I activate {withEdges.Name}?", QueryType.Procedure).Text);
        Assert.DoesNotContain(NothingElse, Ask(alone.Code.Value, $"how do I deactivate {alone.Name}?", QueryType.Procedure).Text);
    }

    [Fact]
    public void Deactivation_NamesTheFeaturesThatRequireIt()
    {
        var prescheduling = F("FAJ 121 3085");
        var dependants = Sample.Features.Where(f => f.Requires.Contains(prescheduling.Code)).ToList();
        Assert.NotEmpty(dependants);
        var answer = Ask("FAJ 121 3085", "how do I deactivate prescheduling?", QueryType.Procedure);
        Assert.All(dependants, d => Assert.Contains(d.DisplayName, answer.Text));
    }

    [Fact]
    public void Troubleshooting_IsARankedChecklist_StateThenPrerequisitesThenConflictsThenParametersThenCounters()
    {
        var ifo = F("FAJ 121 3061");
        var answer = Ask("FAJ 121 3061", "inter-frequency offload does not work", QueryType.Troubleshoot);
        var lines = answer.Text.Split('\n');
        int Line(string start) => Array.FindIndex(lines, l => l.Contains(start, StringComparison.Ordinal));
        Assert.True(Line("Feature state and licence") < Line("Prerequisite"));
        Assert.True(Line("Prerequisite") < Line("Conflicting"));
        foreach (var conflict in CatalogEdges.Of(Sample).ConflictsOf(ifo.Code)) Assert.Contains($"conflicts {conflict.Code}", answer.Evidence);
        Assert.True(CatalogEdges.Of(Sample).ConflictsOf(ifo.Code).Count > ifo.Conflicts.Count, "the sample has a conflict declared only by the other side");
        Assert.Equal("The catalog gives no target values: compare with a period, or a cell, where it works.", lines[^1]);
    }

    [Fact]
    public void Comparison_IsATableWithARowPerFact_AndWhatTheCatalogSaysAboutThePair()
    {
        var iflb = F("FAJ 121 3009");
        var ifo = F("FAJ 121 3061");
        var answer = Ask("FAJ 121 3009", "IFLB or IFO?", QueryType.General, compared: [iflb, ifo]);
        foreach (var row in new[] { "| Domain |", "| RAT |", "| Licence key |", "| Prerequisites |", "| Conflicts |", "| Parameters |", "| Counters |" })
            Assert.Contains(row, answer.Text);
        Assert.Contains("| IFLB (FAJ 121 3009) | IFO (FAJ 121 3061) |", answer.Text);
        Assert.Contains("- The catalog lists them as related.", answer.Text);
        Assert.Contains("- The catalog records no direct conflict between IFLB (FAJ 121 3009) and IFO (FAJ 121 3061).", answer.Text);
        Assert.Empty(answer.Commands);
    }

    [Fact]
    public void Comparison_SaysWhenAPrerequisiteConflictsWithTheOther()
    {
        static Feature Make(string code, string acronym, string[]? requires = null, string[]? conflicts = null) => new()
        {
            Code = FeatureCode.Parse(code), Name = "Feature " + acronym, Acronym = acronym,
            Requires = (requires ?? []).Select(FeatureCode.Parse).ToList(), Conflicts = (conflicts ?? []).Select(FeatureCode.Parse).ToList(),
        };
        var addOn = Make("FAJ 121 0001", "ADD", requires: ["FAJ 121 0002"]);
        var parent = Make("FAJ 121 0002", "PAR", conflicts: ["FAJ 121 0003"]);
        var other = Make("FAJ 121 0003", "OTH");
        var catalog = new FeatureCatalog([addOn, parent, other]);
        var answer = new FeatureAgent(catalog, addOn).Answer(new AnswerContext("is ADD compatible with OTH?", new Classification(QueryType.General, Complexity.Simple)) { Compared = [addOn, other] });
        // No direct conflict, but one through a prerequisite: the answer to "is it compatible" is no.
        Assert.StartsWith("No: the catalog says ADD (FAJ 121 0001) and OTH (FAJ 121 0003) cannot be active together.", answer.Text);
        Assert.Contains("- ADD (FAJ 121 0001) requires PAR (FAJ 121 0002), which must not be active together with OTH (FAJ 121 0003) (declared by Feature PAR): ADD (FAJ 121 0001) and OTH (FAJ 121 0003) cannot run together.", answer.Text);
    }

    [Fact]
    public void ANamedParameterOtherFeaturesAlsoHave_SaysWhichOnesAndWhere()
    {
        var f1 = new Feature { Code = FeatureCode.Parse("FAJ 121 9301"), Name = "Sleep One", Acronym = "S1", Parameters = [new FeatureParameter("SleepFunction", "sleepMode", ParameterRole.Introduced)] };
        var f2 = new Feature { Code = FeatureCode.Parse("FAJ 121 9302"), Name = "Sleep Two", Acronym = "S2", Parameters = [new FeatureParameter("SleepProfile", "sleepMode", ParameterRole.Introduced)] };
        var f3 = new Feature { Code = FeatureCode.Parse("FAJ 121 9303"), Name = "Sleep Reader", Acronym = "SR", Parameters = [new FeatureParameter("SleepFunction", "sleepMode", ParameterRole.Referenced)] };
        var catalog = new FeatureCatalog([f1, f2, f3]);
        AgentAnswer Answer(string text) =>
            new FeatureAgent(catalog, f2).Answer(new AnswerContext(text, new Classification(QueryType.Parameter, Complexity.Simple)));

        var described = Answer("what does sleepMode do?");
        var change = Answer("set sleepMode to 2 on node RBS1");

        // A feature that only references the parameter does not own it.
        const string also = "sleepMode is also a parameter of Sleep One (S1, FAJ 121 9301) on SleepFunction: check which one you mean.";
        Assert.Equal(also, described.Text.Split('\n')[1]);
        Assert.Contains(also, change.Warnings);
    }

    [Fact]
    public void ANamedCounterOtherFeaturesAlsoList_SaysWhichOnes_Once()
    {
        var sleep = new Feature { Code = FeatureCode.Parse("FAJ 121 9401"), Name = "Tx Sleep", Acronym = "TS", Counters = [new FeatureCounter("RfPort", "pmTxOffRatio"), new FeatureCounter("RadioProcessing", "pmTxOffRatio")] };
        var micro = new Feature { Code = FeatureCode.Parse("FAJ 121 9402"), Name = "Micro Tx Sleep", Acronym = "MTS", Counters = [new FeatureCounter("RadioProcessing", "pmTxOffRatio"), new FeatureCounter("RfPort", "pmTxOffRatio")] };
        var catalog = new FeatureCatalog([sleep, micro]);

        var text = new FeatureAgent(catalog, micro).Answer(new AnswerContext("what does pmTxOffRatio tell me", new Classification(QueryType.Counter, Complexity.Simple))).Text;
        var lines = text.Split('\n');

        Assert.StartsWith("Named in the question: RadioProcessing.pmTxOffRatio, RfPort.pmTxOffRatio", lines[0]);
        Assert.Equal("pmTxOffRatio is also a counter of Tx Sleep (TS, FAJ 121 9401) on RfPort: a change in it may come from any of them.", lines[1]);
        Assert.Single(lines, l => l.Contains("is also a counter", StringComparison.Ordinal));
    }
}
