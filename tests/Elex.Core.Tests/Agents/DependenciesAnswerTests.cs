using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Responses;

namespace Elex.Core.Tests.Agents;

/// <summary>
/// "Does X conflict with anything?", "what does X depend on?", "which features need X?": the dependencies lead —
/// conflicts with the side that declares each, prerequisites, the features that need it, each said even when
/// empty — with reads of the features' state, never a change; asking to switch it still gets the procedure.
/// </summary>
public class DependenciesAnswerTests
{
    private static readonly FeatureParameter HubMode = new("HubFunction", "hubMode", ParameterRole.Introduced);

    private static readonly Feature Base = Make("FAJ 121 9401", "Base Carrier", "BAS", cxc: "CXC4019401");
    private static readonly Feature Hub = Make("FAJ 121 9402", "Hub Steering", "HUB", cxc: "CXC4019402", requires: [Base.Code],
        conflicts: ["FAJ 121 9403"], parameters: [HubMode]);
    private static readonly Feature Rival = Make("FAJ 121 9403", "Rival Steering", "RIV", cxc: "CXC4019403", conflicts: ["FAJ 121 9402"]);
    private static readonly Feature Other = Make("FAJ 121 9404", "Other Barring", "OTB", conflicts: ["FAJ 121 9402"]);
    private static readonly Feature Addon = Make("FAJ 121 9405", "Hub Addon", "HAD", requires: [Hub.Code]);
    private static readonly Feature Loner = Make("FAJ 121 9406", "Lone Tuning", "LON", cxc: "CXC4019406");

    // Five features that set the parameter Hub introduces: an interaction the catalog declares as no edge.
    private static readonly Feature[] Sharers = [.. Enumerable.Range(0, 5).Select(i =>
        Make($"FAJ 121 95{i:00}", $"Sharer {i}", $"SH{i}", parameters: [HubMode with { Role = ParameterRole.Affected }]))];

    private static readonly FeatureCatalog Catalog = new([Base, Hub, Rival, Other, Addon, Loner, .. Sharers]);

    private static Feature Make(string code, string name, string acronym, string? cxc = null, FeatureCode[]? requires = null,
        string[]? conflicts = null, FeatureParameter[]? parameters = null) => new()
    {
        Code = FeatureCode.Parse(code), Name = name, Acronym = acronym, Cxc = cxc,
        Requires = requires ?? [], Conflicts = (conflicts ?? []).Select(FeatureCode.Parse).ToList(), Parameters = parameters ?? [],
    };

    private static AgentAnswer Ask(Feature f, string text, QueryType type = QueryType.General, IReadOnlyList<Feature>? compared = null) =>
        new FeatureAgent(Catalog, f).Answer(new AnswerContext(text, new Classification(type, Complexity.Simple)) { RouteConfidence = 0.95f, Compared = compared ?? [] });

    [Theory]
    [InlineData("does HUB conflict with anything?")]
    [InlineData("what does hub steering depend on")]
    [InlineData("which features need HUB")]
    [InlineData("what does HUB need?")]
    [InlineData("is HUB compatible with other features")]
    public void ADependencyQuestion_LeadsWithConflictsNeedsAndNeededBy(string text)
    {
        var answer = Ask(Hub, text);
        var lines = answer.Text.Split('\n');
        Assert.Equal("Dependencies of Hub Steering (HUB, FAJ 121 9402), as the catalog declares them:", lines[0]);
        Assert.Equal("- Conflicts: must not be active together with Rival Steering (RIV, FAJ 121 9403) (declared by both), Other Barring (OTB, FAJ 121 9404) (declared by Other Barring).", lines[1]);
        Assert.Equal("- Needs, active first (in activation order): Base Carrier (BAS, FAJ 121 9401).", lines[2]);
        Assert.Equal("- Needed by (these stop working without it): Hub Addon (HAD, FAJ 121 9405).", lines[3]);
        Assert.StartsWith("- Not declared as edges, but they set parameters it introduces", lines[4]);
        Assert.EndsWith("(4 of 5 shown).", lines[4]);
        Assert.Contains("conflicts FAJ 121 9403", answer.Evidence);
        Assert.Contains("required by FAJ 121 9405", answer.Evidence);
        // Reads of the feature, the keyed conflicting feature and the prerequisite; nothing that changes the node.
        Assert.Equal(["CXC4019402", "CXC4019403", "CXC4019401"], answer.Commands.Select(c => c.Command.Split("FeatureState=")[1].Split(' ')[0]).ToArray());
        Assert.All(answer.Commands, c => Assert.Equal(CommandKind.Read, c.Kind));
        Assert.Contains(answer.Warnings, w => w.StartsWith("No node named", StringComparison.Ordinal));
    }

    [Fact]
    public void AFeatureWithoutEdges_SaysSoForEachKind()
    {
        var lines = Ask(Loner, "does LON clash with anything").Text.Split('\n');
        Assert.Equal("- Conflicts: none — no feature is declared to conflict with it, on either side.", lines[1]);
        Assert.Equal("- Needs: no other feature — it works without any other feature active.", lines[2]);
        Assert.StartsWith("- Needed by: no feature lists it as a prerequisite", lines[3]);
        Assert.DoesNotContain(lines, l => l.StartsWith("- Not declared as edges", StringComparison.Ordinal));
    }

    [Fact]
    public void NamingANode_ReadsThatNode()
    {
        var answer = Ask(Hub, "does HUB conflict with anything on node ERBS7");
        Assert.All(answer.Commands, c => Assert.Contains("cmedit get ERBS7 ", c.Command));
        Assert.DoesNotContain(answer.Warnings, w => w.StartsWith("No node named", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("activate HUB: what does it depend on?", QueryType.Procedure)]
    [InlineData("enable hub steering and its prerequisites", QueryType.Procedure)]
    public void AskingToSwitchIt_StillGetsTheProcedure(string text, QueryType type) =>
        Assert.Contains("Pre-checks", Ask(Hub, text, type).Text);

    [Theory]
    [InlineData("which parameters need changing for HUB")]
    [InlineData("what is hub steering")]
    public void OtherQuestions_AreNotDependencyQuestions(string text) =>
        Assert.DoesNotContain("Dependencies of", Ask(Hub, text).Text);

    [Fact]
    public void TheSummary_SaysWhenNothingConflicts()
    {
        Assert.Contains("Requires no other feature, and no feature is declared to conflict with it.", Ask(Loner, "what is lone tuning").Text);
        Assert.Contains("Conflicts with: Rival Steering", Ask(Hub, "what is hub steering").Text);
    }

    [Fact]
    public void CanTwoRunTogether_LeadsWithNo_WhenTheyConflict()
    {
        var answer = Ask(Hub, "can HUB and RIV run together?", compared: [Hub, Rival]);
        var lines = answer.Text.Split('\n');
        Assert.Equal("No: the catalog says HUB (FAJ 121 9402) and RIV (FAJ 121 9403) cannot be active together.", lines[0]);
        Assert.Equal("- HUB (FAJ 121 9402) and RIV (FAJ 121 9403) must not be active together (declared by both).", lines[1]);
        Assert.True(Array.IndexOf(lines, "| --- | --- | --- |") > 1, "the table follows the verdict");
        Assert.Equal(2, answer.Commands.Count);
        Assert.All(answer.Commands, c => Assert.Equal(CommandKind.Read, c.Kind));
    }

    [Fact]
    public void CanTwoRunTogether_SaysNothingStopsThem_WhenNoEdgeDoes()
    {
        var answer = Ask(Base, "can BAS and LON be active at the same time?", compared: [Base, Loner]);
        Assert.StartsWith("Nothing in the catalog stops BAS (FAJ 121 9401) and LON (FAJ 121 9406) being active together", answer.Text);
        Assert.DoesNotContain("Which to use follows the RAT", answer.Text);
        Assert.DoesNotContain("- The catalog records no direct conflict", answer.Text);
    }

    [Theory]
    [InlineData("what is the difference between HUB and RIV")]
    [InlineData("HUB vs RIV: do they conflict, and how do they differ?")]
    public void AComparisonAskingForTheDifference_KeepsTheTableFirst(string text)
    {
        var answer = Ask(Hub, text, compared: [Hub, Rival]);
        Assert.StartsWith("Hub Steering (HUB, FAJ 121 9402) vs Rival Steering", answer.Text);
        Assert.Empty(answer.Commands);
    }
}
