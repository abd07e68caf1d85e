using Elex.Core.Agents;
using Elex.Core.Queries;
using Elex.Core.Routing;
using Elex.Core.Routing.Glosses;

namespace Elex.Core.Tests.Agents;

/// <summary>
/// The radio technology a question names is read once: the router reads it while routing and the
/// answer takes it from the route instead of analysing the question again.
/// </summary>
public class AnswerContextRatTests
{
    private static readonly Classification Parameters = new(QueryType.Parameter, Complexity.Simple);

    [Fact]
    public void TheRouterReadsTheRadioTechnologyTheQuestionNames()
    {
        var router = FeatureRouter.Build(SharedData.SampleCatalogInstance);
        Assert.Equal(Rat.Nr, router.Route("which NR parameters does MIMO Sleep Mode have").QuestionRat);
        Assert.Equal(Rat.Lte, router.Route("which LTE parameters does MIMO Sleep Mode have").QuestionRat);
        Assert.Equal(Rat.Any, router.Route("which parameters does MIMO Sleep Mode have").QuestionRat);
        Assert.Null(RouteResult.None.QuestionRat);
    }

    [Fact]
    public void AnAnswerTakesTheRoutersReadingInsteadOfReadingAgain()
    {
        // The text names LTE; a reading handed over wins, so the text was not analysed again.
        Assert.Equal(Rat.Nr, new AnswerContext("which LTE parameters", Parameters) { RatReadByRouter = Rat.Nr }.Rat);
    }

    [Fact]
    public void WithoutTheRoutersReadingTheAnswerReadsTheText()
    {
        Assert.Equal(Rat.Lte, new AnswerContext("which LTE parameters", Parameters) { RatReadByRouter = null }.Rat);
        Assert.Equal(Rat.Nr, new AnswerContext("which NR parameters", Parameters).Rat);
    }
}
