using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Responses;

namespace Elex.Core.Tests.Agents;

/// <summary>
/// A question about a feature's licence ("what's the licence key for …", "is … licensed on node X") is
/// answered with the key, how to read it, and the keys of what the feature needs — a read, not a change;
/// asking to switch it still gives the activation procedure, and asking what it is still gives the summary.
/// </summary>
public class LicenceAnswerTests
{
    private static readonly Feature Base = new() { Code = FeatureCode.Parse("FAJ 121 9101"), Name = "Base Scheduling", Acronym = "BS", Cxc = "CXC4019101" };
    private static readonly Feature Keyless = new() { Code = FeatureCode.Parse("FAJ 121 9102"), Name = "Keyless Tuning", Acronym = "KT" };

    private static readonly Feature Aggregation = new()
    {
        Code = FeatureCode.Parse("FAJ 121 9103"),
        Name = "Smart Aggregation",
        Acronym = "SA2",
        Cxc = "CXC4019103",
        Requires = [Base.Code, Keyless.Code],
    };

    private static readonly FeatureCatalog Catalog = new([Base, Keyless, Aggregation]);

    private static AgentAnswer Ask(Feature f, string text, QueryType type) =>
        new FeatureAgent(Catalog, f).Answer(new AnswerContext(text, new Classification(type, Complexity.Simple)) { RouteConfidence = 0.9f });

    [Theory]
    [InlineData("what's the licence key for smart aggregation", QueryType.Procedure)]
    [InlineData("is smart aggregation licensed on node ERBS7", QueryType.General)]
    [InlineData("Is Smart Aggregation licensed and what does it depend on?", QueryType.General)]
    public void LicenceQuestion_GivesTheKey_HowToReadIt_AndThePrerequisitesKeys(string text, QueryType type)
    {
        var answer = Ask(Aggregation, text, type);
        Assert.StartsWith("Smart Aggregation (SA2, FAJ 121 9103) is licensed and switched by the key CXC4019103.", answer.Text);
        Assert.Contains("licenseState ENABLED", answer.Text);
        Assert.Contains("Base Scheduling (BS, FAJ 121 9101) (CXC4019101)", answer.Text);
        Assert.Contains("Keyless Tuning (KT, FAJ 121 9102) (no key in the catalog)", answer.Text);
        // Only reads: nothing proposed would change the node.
        Assert.NotEmpty(answer.Commands);
        Assert.All(answer.Commands, c => Assert.DoesNotContain("featureState=", c.Command));
        Assert.DoesNotContain("Pre-checks", answer.Text);
    }

    [Fact]
    public void LicenceQuestion_NamingANode_ReadsThatNode()
    {
        var answer = Ask(Aggregation, "is smart aggregation licensed on node ERBS7", QueryType.General);
        Assert.Contains("FeatureState=CXC4019103 on ERBS7", answer.Text);
        Assert.Contains(answer.Commands, c => c.Command.Contains("ERBS7", StringComparison.Ordinal));
        Assert.DoesNotContain(answer.Warnings, w => w.StartsWith("No node named", StringComparison.Ordinal));
    }

    [Fact]
    public void AFeatureWithoutAKey_SaysThereIsNoLicenceToCheck()
    {
        var answer = Ask(Keyless, "what licence does keyless tuning need", QueryType.Procedure);
        Assert.Contains("has no licence or feature-state key in the catalog", answer.Text);
        Assert.Contains("It needs no other feature active.", answer.Text);
        Assert.Empty(answer.Commands);
    }

    [Theory]
    [InlineData("activate the licence for smart aggregation on node X")]
    [InlineData("install the smart aggregation licence and enable it")]
    public void AskingToSwitchIt_StillGetsTheProcedure(string text)
    {
        var answer = Ask(Aggregation, text, QueryType.Procedure);
        Assert.Contains("Pre-checks", answer.Text);
        Assert.Contains(answer.Commands, c => c.Command.Contains("featureState=ACTIVATED", StringComparison.Ordinal));
    }

    [Fact]
    public void AskingWhatItIs_StillGetsTheSummary_WhichNamesTheKey()
    {
        var answer = Ask(Aggregation, "What is Smart Aggregation and what licence key does it use?", QueryType.General);
        Assert.DoesNotContain("is licensed and switched by", answer.Text);
        Assert.Contains("CXC4019103", answer.Text);
    }
}
