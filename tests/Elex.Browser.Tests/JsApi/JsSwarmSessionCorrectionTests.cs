using System.Text.Json;
using Elex.Browser.JsApi;
using Elex.Core.Catalog;

namespace Elex.Browser.Tests.JsApi;

/// <summary>The JS API's <c>feedback({ responseId, correct })</c>: the same router teaching as <c>elex feedback --correct</c>.</summary>
public class JsSwarmSessionCorrectionTests
{
    private const string Question = "the second carrier sits idle while the first one is full";

    private static string ResponseId(string json) => JsonDocument.Parse(json).RootElement.GetProperty("responseId").GetString()!;

    private static string FeatureCode(string json) => JsonDocument.Parse(json).RootElement.GetProperty("featureCode").GetString() ?? "";

    [Fact]
    public async Task Correct_teaches_the_router_and_the_question_then_goes_there()
    {
        await using var session = await JsSwarmSession.CreateAsync(SampleCatalog.Load(), null, openStore: null);
        var first = await session.QueryAsync($$"""{ "text": "{{Question}}" }""");
        Assert.NotEqual("FAJ 121 3009", FeatureCode(first));
        var result = JsonDocument.Parse(await session.FeedbackAsync($$"""{ "responseId": "{{ResponseId(first)}}", "correct": "FAJ 121 3009" }""")).RootElement;
        Assert.Equal("Applied", result.GetProperty("status").GetString());
        Assert.Contains("Inter-Frequency Load Balancing", result.GetProperty("message").GetString());
        Assert.Equal("FAJ 121 3009", FeatureCode(await session.QueryAsync($$"""{ "text": "{{Question}}" }""")));
    }

    [Fact]
    public async Task Correct_without_a_response_or_with_an_unknown_code_rejects_with_a_code()
    {
        await using var session = await JsSwarmSession.CreateAsync(SampleCatalog.Load(), null, openStore: null);
        var answer = await session.QueryAsync("""{ "text": "what is IFLB?" }""");
        var noResponse = await Assert.ThrowsAsync<ElexApiException>(() => session.FeedbackAsync("""{ "correct": "FAJ 121 3009" }"""));
        Assert.Equal(ElexErrorCodes.InvalidFeedback, noResponse.Code);
        var unknownCode = await Assert.ThrowsAsync<ElexApiException>(() => session.FeedbackAsync($$"""{ "responseId": "{{ResponseId(answer)}}", "correct": "FAJ 999 9999" }"""));
        Assert.Equal(ElexErrorCodes.UnknownAgent, unknownCode.Code);
        Assert.Contains("FAJ 999 9999", unknownCode.Message);
        var unknownResponse = await Assert.ThrowsAsync<ElexApiException>(() => session.FeedbackAsync("""{ "responseId": "r-nope", "correct": "FAJ 121 3009" }"""));
        Assert.Equal(ElexErrorCodes.UnknownResponse, unknownResponse.Code);
    }
}
