using Elex.Core.Routing;

namespace Elex.Core.Tests.Routing;

public class SemanticCalibrationTests
{
    private static readonly SemanticCalibration Shipped = new();

    // Both channels agree and the margin is wide: the fitted model alone gives a high probability.
    private static RouteSignals Agreed(float cosine, bool otherExact = false, bool namedWhole = false) =>
        new(ModelAgrees: true, LexicalAgrees: true, NamedWhole: namedWhole, OtherExact: otherExact, Margin: 0.3f, Cosine: cosine, NameCoverage: 0f);

    [Theory]
    [InlineData(0.45f)]
    [InlineData(0.51f)]
    [InlineData(0.59f)]
    public void A_route_the_model_barely_relates_to_its_feature_is_held_below_the_abstention_line(float cosine)
    {
        var confidence = Shipped.Confidence(Agreed(cosine));
        Assert.Equal(Shipped.WeakConfidence, confidence);
        Assert.True(confidence < 0.7f, $"{confidence} would be answered by a swarm abstaining below 0.7");
    }

    [Fact]
    public void The_same_route_at_a_usual_cosine_keeps_its_fitted_confidence()
    {
        var confidence = Shipped.Confidence(Agreed(0.72f));
        Assert.True(confidence > Shipped.WeakConfidence + 0.2f, $"fitted confidence {confidence}");
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void An_exact_fact_in_the_question_lifts_the_weak_cosine_rule(bool otherExact, bool namedWhole)
    {
        var confidence = Shipped.Confidence(Agreed(0.5f, otherExact, namedWhole));
        Assert.NotEqual(Shipped.WeakConfidence, confidence);
        Assert.True(confidence >= 0.7f, $"{confidence}");
    }
}
