using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Responses;

namespace Elex.Core.Tests.Agents;

/// <summary>A procedure switches one feature on a live node: when the route was not sure of it, the answer says so first.</summary>
public class ActivationCautionTests
{
    private static readonly FeatureCatalog Sample = SharedData.SampleCatalogInstance;

    private static Feature F(string code) => Sample.Find(FeatureCode.Parse(code))!;

    private static AgentAnswer Ask(string text, float confidence, params Feature[] alternatives) =>
        new FeatureAgent(Sample, F("FAJ 121 3094")).Answer(
            new AnswerContext(text, new Classification(QueryType.Procedure, Complexity.Simple)) { RouteConfidence = confidence, Alternatives = alternatives });

    [Fact]
    public void AnUnsureRoute_LeadsWithTheCheck_NamingTheConfidenceAndTheCloseFeatures()
    {
        var other = F("FAJ 121 3009");
        var answer = Ask("switch off sleep on node RBS1", 0.72f, other);

        var first = answer.Text.Split('\n')[0];
        Assert.Equal($"Check first that MIMO Sleep Mode is the feature you mean to deactivate: the question matched it with confidence 0.72; also close: {other.DisplayName}.", first);
        Assert.Contains(first, answer.Warnings);
        Assert.StartsWith("Deactivating MIMO Sleep Mode", answer.Text.Split('\n')[1]);
    }

    [Fact]
    public void TheCloseFeatures_AreTheNextThree_NotCounted()
    {
        var others = new[] { F("FAJ 121 3009"), F("FAJ 121 3089"), F("FAJ 121 4425"), F("FAJ 121 2051") };
        var first = Ask("switch off sleep on node RBS1", 0.72f, others).Text.Split('\n')[0];

        Assert.EndsWith($"also close: {others[0].DisplayName}, {others[1].DisplayName}, {others[2].DisplayName}.", first);
        Assert.DoesNotContain(others[3].DisplayName, first);
    }

    [Fact]
    public void ASureRoute_StartsWithTheProcedure()
    {
        var answer = Ask("activate MSM on node RBS1", 1f, F("FAJ 121 3009"));

        Assert.StartsWith("Activating MIMO Sleep Mode", answer.Text);
        Assert.DoesNotContain(answer.Warnings, w => w.StartsWith("Check first", StringComparison.Ordinal));
    }
}
