using Elex.Core.Conversations;
using Elex.Core.Queries;

namespace Elex.Core.Tests.Conversations;

public class AspectCarryOverTests
{
    [Theory]
    [InlineData("and for IFO?", QueryType.Counter, QueryType.Counter)]
    [InlineData("what about MSM?", QueryType.Procedure, QueryType.Procedure)]
    [InlineData("and its parameters?", QueryType.Counter, null)]           // says what it wants
    [InlineData("IFO?", QueryType.Counter, null)]                          // no connective: a new question
    [InlineData("and for IFO?", QueryType.General, null)]                  // nothing specific to carry
    [InlineData("and for IFO?", null, null)]
    [InlineData("and what does the feature called IFO do in the network?", QueryType.Counter, null)] // too long to be a bare follow-up
    public void FollowUp_CarriesThePreviousQuestionType_OnlyWhenItIsABareSpecificFollowUp(string question, QueryType? previous, QueryType? expected) =>
        Assert.Equal(expected, AspectCarryOver.TypeFor(question, previous));
}
