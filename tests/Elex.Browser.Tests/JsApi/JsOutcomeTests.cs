using System.Text.Json;
using Elex.Browser.JsApi;
using Elex.Core.Catalog;

namespace Elex.Browser.Tests.JsApi;

/// <summary>What the exports answer JavaScript: the value, or the error's code and message as separate fields.</summary>
public class JsOutcomeTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void A_value_crosses_as_the_value_field_and_no_error()
    {
        var outcome = Json(JsOutcome.Of(() => """{ "featureCode": "FAJ 121 3094" }"""));

        Assert.Equal("FAJ 121 3094", outcome.GetProperty("value").GetProperty("featureCode").GetString());
        Assert.False(outcome.TryGetProperty("error", out _));
    }

    [Theory]
    [InlineData(42, "42")]
    [InlineData(-1, "-1")]
    public void Numbers_truth_values_and_text_are_JSON_values(int number, string json)
    {
        Assert.Equal(json, JsOutcome.Json(number));
        Assert.Equal("true", JsOutcome.Json(true));
        Assert.Equal("ed25519-pub:\"quoted\"", Json(JsOutcome.Success(JsOutcome.Json("ed25519-pub:\"quoted\""))).GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, Json(JsOutcome.Success(JsOutcome.Nothing)).GetProperty("value").ValueKind);
    }

    [Fact]
    public void A_failure_crosses_as_code_and_message_fields_the_message_without_the_code()
    {
        var outcome = Json(JsOutcome.Of(() => throw new ElexApiException(ElexErrorCodes.UnknownAgent, "no agent or feature 'FAJ 999 9999' in the catalog")));

        var error = outcome.GetProperty("error");
        Assert.Equal("UNKNOWN_AGENT", error.GetProperty("code").GetString());
        Assert.Equal("no agent or feature 'FAJ 999 9999' in the catalog", error.GetProperty("message").GetString());
        Assert.False(outcome.TryGetProperty("value", out _));
    }

    [Fact]
    public async Task A_later_failure_and_one_thrown_before_the_task_both_cross_as_fields()
    {
        var later = Json(await JsOutcome.OfAsync(async () =>
        {
            await Task.Yield();
            throw new ElexApiException(ElexErrorCodes.StoreError, "the quota is full");
        }));
        var before = Json(await JsOutcome.OfAsync(() => throw new ElexApiException(ElexErrorCodes.SwarmDisposed, "swarm 7 was shut down or never created")));

        Assert.Equal(("STORE_ERROR", "the quota is full"), (later.GetProperty("error").GetProperty("code").GetString(), later.GetProperty("error").GetProperty("message").GetString()));
        Assert.Equal("SWARM_DISPOSED", before.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Anything_but_an_API_failure_still_throws_as_the_bug_it_is()
    {
        Assert.Throws<InvalidOperationException>(() => JsOutcome.Of(() => throw new InvalidOperationException("a bug")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => JsOutcome.OfAsync(() => throw new InvalidOperationException("a bug")));
    }

    [Fact]
    public async Task A_swarm_call_that_fails_answers_its_code_as_a_field()
    {
        await using var swarm = await JsSwarmSession.CreateAsync(SampleCatalog.Load(), null, openStore: null);

        var emptyQuestion = Json(await JsOutcome.OfAsync(() => swarm.QueryAsync("""{ "text": "  " }"""))).GetProperty("error");
        var unknownAgent = Json(JsOutcome.Of(() => swarm.GetAgentStats("FAJ 999 9999"))).GetProperty("error");

        Assert.Equal("INVALID_QUERY", emptyQuestion.GetProperty("code").GetString());
        Assert.DoesNotContain("INVALID_QUERY", emptyQuestion.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("UNKNOWN_AGENT", unknownAgent.GetProperty("code").GetString());
        Assert.Equal("no agent or feature 'FAJ 999 9999' in the catalog", unknownAgent.GetProperty("message").GetString());
    }
}
