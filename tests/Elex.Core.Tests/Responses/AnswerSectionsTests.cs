using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Core.Routing;

namespace Elex.Core.Tests.Responses;

public class AnswerSectionsTests
{
    private static readonly FeatureCatalog Sample = SharedData.SampleCatalogInstance;

    [Fact]
    public void Split_EveryLineAtTheMargin_OpensASection_IndentedAndListedLinesFollowIt()
    {
        var sections = AnswerSections.Split("Parameters of MSM: 4.\nMimoSleepFunction (ManagedElement=1,…)\n  Introduced: sleepMode\n  Affected: a, b\nThe closest:\n1. MSM — names it\n2. TTI — similar\n- a note\n\nLast line.");

        Assert.Equal(
            [["Parameters of MSM: 4."], ["MimoSleepFunction (ManagedElement=1,…)", "  Introduced: sleepMode", "  Affected: a, b"],
             ["The closest:", "1. MSM — names it", "2. TTI — similar", "- a note"], ["Last line."]],
            sections.Select(s => s.Lines.ToArray()));
        Assert.Equal(["Parameters of MSM", "", "The closest", ""], sections.Select(s => s.Title));
    }

    [Fact]
    public void Split_EmptyOrBlankText_HasNoSections()
    {
        Assert.Empty(AnswerSections.Split(""));
        Assert.Empty(AnswerSections.Split("\n \n"));
    }

    [Theory]
    [InlineData("Requires (in activation order): A, B.", "Requires (in activation order)")]
    [InlineData("MIMO Sleep Mode (MSM) is an LTE feature. Licence key: CXC 401 1234.", "")]
    [InlineData("No colon here", "")]
    [InlineData(":leading colon", "")]
    public void TitleOf_IsTheLabelBeforeTheColon_OnlyWhenItReadsAsAHeading(string line, string title) =>
        Assert.Equal(title, AnswerSections.TitleOf(line));

    [Fact]
    public void Split_OfEveryAgentsAnswer_GivesBackItsTextLineForLine()
    {
        var registry = new AgentRegistry(Sample);
        var types = Enum.GetValues<QueryType>();
        var answers = 0;
        foreach (var feature in Sample.Features)
        {
            foreach (var type in types)
            {
                var text = registry.Get(feature.Code)!.Answer(new AnswerContext($"{feature.Name} {type}", new Classification(type, Complexity.Simple))).Text;
                var sections = AnswerSections.Split(text);
                Assert.Equal(text.Split('\n').Where(l => l.Trim().Length > 0), sections.SelectMany(s => s.Lines));
                Assert.All(sections, s => Assert.False(char.IsWhiteSpace(s.Lines[0][0]), "a section starts at the margin"));
                answers++;
            }
        }
        Assert.True(answers >= 60, $"only {answers} answers split");
    }

    [Fact]
    public void Sections_WithTheSameTitleAndLines_AreEqual()
    {
        Assert.Equal(new AnswerSection("T", ["a", "b"]), new AnswerSection("T", new List<string> { "a", "b" }));
        Assert.NotEqual(new AnswerSection("T", ["a", "b"]), new AnswerSection("T", ["a"]));
        Assert.Equal("a\nb", new AnswerSection("T", ["a", "b"]).Text);
    }

    [Fact]
    public void RoutingDecision_OfADispatchedQuery_NamesTheAgent_AndStartsTheResponsesEvidence()
    {
        var registry = new AgentRegistry(Sample);
        var router = FeatureRouter.Build(Sample);
        var text = "set sleepMode to 2 on cell X";
        var route = router.Route(text);
        var facts = new ResponseFacts(new Query(text), new Classification(QueryType.Parameter, Complexity.Simple), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)
        {
            Route = route, Agent = registry.Get(route.Best!.Ordinal),
        };

        var decision = RoutingDecision.Of(facts);
        var response = ResponseBuilder.Respond(facts, () => DateTimeOffset.UnixEpoch);

        Assert.False(decision.Abstained);
        Assert.Equal((response.FeatureCode, response.FeatureName, response.AgentId, response.Confidence), (decision.FeatureCode, decision.FeatureName, decision.AgentId, decision.Confidence));
        Assert.Equal(response.Evidence.Take(decision.Evidence.Count), decision.Evidence);
        Assert.Equal(response.Alternatives, decision.Candidates.Skip(1).Select(c => c.FeatureCode));
        Assert.All(decision.Candidates, c => Assert.False(string.IsNullOrWhiteSpace(c.Why)));
    }

    [Fact]
    public void RoutingDecision_WithoutARoute_AbstainsAndNamesNothing()
    {
        var facts = new ResponseFacts(new Query("x"), new Classification(QueryType.General, Complexity.Simple), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch) { Route = RouteResult.None };

        var decision = RoutingDecision.Of(facts);

        Assert.True(decision.Abstained);
        Assert.Null(decision.FeatureCode);
        Assert.Empty(decision.Candidates);
    }
}
