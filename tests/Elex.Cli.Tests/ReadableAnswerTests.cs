using Elex.Core.Catalog;
using Elex.Core.Responses;

namespace Elex.Cli.Tests;

/// <summary>The other candidates get a line only where they help: after a match that was not sure, and not named already.</summary>
public class ReadableAnswerTests
{
    private static readonly FeatureCatalog Catalog = Elex.Catalog.ElexCatalog.LoadEmbedded();

    private static string Written(ResponseStatus status, float confidence, string text) =>
        Write(new QueryResponse
        {
            ResponseId = "r-1", QueryId = "q-1", QueryText = "q", Status = status, Text = text, Confidence = confidence,
            FeatureCode = "FAJ 121 3094", AgentId = "agent-FAJ_121_3094", Alternatives = ["FAJ 121 3089", "FAJ 121 5404"],
        });

    private static string Write(QueryResponse r)
    {
        using var o = new StringWriter();
        ReadableAnswer.Write(o, r, Catalog);
        return o.ToString();
    }

    private static string MicroSleep => Catalog.Find(FeatureCode.Parse("FAJ 121 3089"))!.DisplayName;

    [Fact]
    public void After_a_match_that_was_not_sure_the_close_features_are_listed()
    {
        var output = Written(ResponseStatus.Answered, 0.73f, "MIMO Sleep Mode parameters: …");
        Assert.Contains($"Also close (the question was not a sure match): {MicroSleep}; ", output);
    }

    [Theory]
    [InlineData(1f)]
    [InlineData(0.796f)]
    public void After_a_sure_match_the_runners_up_are_left_out(float confidence)
    {
        Assert.DoesNotContain("Also close", Written(ResponseStatus.Answered, confidence, "MIMO Sleep Mode parameters: …"));
    }

    [Fact]
    public void An_answer_that_already_names_them_is_not_repeated()
    {
        Assert.DoesNotContain("Also close", Written(ResponseStatus.Answered, 0.73f, $"… also close: {MicroSleep}, …"));
    }

    [Fact]
    public void An_unsure_answer_lists_its_own()
    {
        Assert.DoesNotContain("Also close", Written(ResponseStatus.Unsure, 0.4f, "Not sure which feature this is about …"));
    }
}
