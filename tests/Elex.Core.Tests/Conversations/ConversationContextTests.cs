using Elex.Core.Catalog;
using Elex.Core.Conversations;
using Elex.Core.Responses;

namespace Elex.Core.Tests.Conversations;

public class ConversationContextTests
{
    private const string Msm = "FAJ 121 3094";
    private const string Iflb = "FAJ 121 3009";
    private const string Tb = "FAJ 121 2051";

    private static ConversationContext About(params string[] codes) => new([.. codes.Select(FeatureCode.Parse)]);

    private static QueryResponse Response(ResponseStatus status, string? feature, bool fromContext = false, params string[] named) => new()
    {
        ResponseId = "r", QueryId = "q", QueryText = "t", Status = status, FeatureCode = feature,
        ResolvedFromContext = fromContext, NamedFeatures = named,
    };

    [Fact]
    public void AnswerToAQuestionThatStandsAlone_SwitchesToItsFeature() =>
        Assert.Equal(About(Iflb), About(Msm).After(Response(ResponseStatus.Answered, Iflb, named: Iflb)));

    [Fact]
    public void AnswerToAComparison_HoldsBothNamedFeatures() =>
        Assert.Equal(About(Iflb, Msm), ConversationContext.Empty.After(Response(ResponseStatus.Answered, Iflb, false, Iflb, Msm)));

    [Fact]
    public void AnswerToAFollowUp_KeepsTheContext_PuttingItsFeatureFirst()
    {
        Assert.Equal(About(Msm), About(Msm).After(Response(ResponseStatus.Answered, Msm, fromContext: true)));
        Assert.Equal(About(Msm, Iflb), About(Iflb, Msm).After(Response(ResponseStatus.Answered, Msm, fromContext: true)));
    }

    [Fact]
    public void Context_NeverHoldsMoreThanTwoFeatures() =>
        Assert.Equal(About(Tb, Iflb), About(Msm).After(Response(ResponseStatus.Answered, Tb, false, Iflb, Msm, Tb)));

    [Fact]
    public void UnsureAnswer_SwitchesOnlyToFeaturesTheQuestionNamed()
    {
        Assert.Equal(About(Msm), About(Msm).After(Response(ResponseStatus.Unsure, Tb)));
        Assert.Equal(About(Iflb, Tb), About(Msm).After(Response(ResponseStatus.Unsure, Iflb, false, Iflb, Tb)));
    }

    [Theory]
    [InlineData(ResponseStatus.NoMatch)]
    [InlineData(ResponseStatus.Error)]
    [InlineData(ResponseStatus.Rejected)]
    public void ResponsesWithoutAFeature_LeaveTheContext(ResponseStatus status) =>
        Assert.Equal(About(Msm), About(Msm).After(Response(status, null, false, Iflb)));

    [Fact]
    public void AnAnsweredResponseWithAnUnreadableCode_ChangesNothing() =>
        Assert.Equal(About(Msm), About(Msm).After(Response(ResponseStatus.Answered, "not a code")));

    [Fact]
    public void Reset_Empties()
    {
        Assert.Same(ConversationContext.Empty, ConversationTurn.Reset.Apply(About(Msm)));
        Assert.True(ConversationTurn.Reset.IsReset);
    }

    [Fact]
    public void BadInput_IsRefusedNamingWhatWasWrong()
    {
        Assert.Contains("at most 2", Assert.Throws<ArgumentException>(() => About(Msm, Iflb, Tb)).Message);
        Assert.Contains("each feature once", Assert.Throws<ArgumentException>(() => About(Msm, Msm)).Message);
        Assert.Throws<ArgumentNullException>(() => ConversationTurn.Answered(null!));
        Assert.Throws<ArgumentNullException>(() => About(Msm).After(null!));
    }

    [Fact]
    public void Equality_IsByFeaturesInOrder()
    {
        Assert.Equal(About(Msm, Iflb), About(Msm, Iflb));
        Assert.Equal(About(Msm, Iflb).GetHashCode(), About(Msm, Iflb).GetHashCode());
        Assert.NotEqual(About(Iflb, Msm), About(Msm, Iflb));
    }
}
