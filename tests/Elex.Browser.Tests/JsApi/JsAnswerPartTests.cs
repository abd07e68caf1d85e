using System.Reactive.Linq;
using System.Text.Json;
using Elex.Browser.JsApi;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Streams;

namespace Elex.Browser.Tests.JsApi;

/// <summary>The JS API's <c>swarm.queryStream</c>: each answer part as the JSON JavaScript receives.</summary>
public class JsAnswerPartTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    private static async Task<List<JsonElement>> StreamAsync(JsSwarmSession session, string queryJson)
    {
        var parts = new List<JsonElement>();
        var ended = new TaskCompletionSource();
        using var subscription = session.SubscribeQueryStream(queryJson, json =>
        {
            var part = Json(json);
            lock (parts) parts.Add(part);
            if (part.GetProperty("kind").GetString() is "done" or "error") ended.TrySetResult();
        });
        await ended.Task.WaitAsync(TimeSpan.FromSeconds(30));
        lock (parts) return [.. parts];
    }

    [Fact]
    public async Task QueryStream_PartsCrossWithTheirKind_RoutedFirst_DoneCarryingTheResponse()
    {
        await using var session = await JsSwarmSession.CreateAsync(SampleCatalog.Load(), null, openStore: null);

        var parts = await StreamAsync(session, """{ "text": "set sleepMode to 2 for MSM on cell X" }""");

        var kinds = parts.Select(p => p.GetProperty("kind").GetString()).ToList();
        Assert.Equal("routed", kinds[0]);
        Assert.Equal("done", kinds[^1]);
        Assert.Contains("section", kinds);
        Assert.Contains("verdict", kinds);
        var routed = parts[0];
        Assert.Equal("FAJ 121 3094", routed.GetProperty("featureCode").GetString());
        Assert.False(routed.GetProperty("abstained").GetBoolean());
        Assert.True(routed.GetProperty("candidates")[0].GetProperty("why").GetString()!.Length > 0);
        var response = parts[^1].GetProperty("response");
        Assert.Equal("FAJ 121 3094", response.GetProperty("featureCode").GetString());
        Assert.Equal(
            response.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("command").GetString()),
            parts.Where(p => p.GetProperty("kind").GetString() == "verdict").Select(p => p.GetProperty("command").GetProperty("command").GetString()));
        var section = parts.First(p => p.GetProperty("kind").GetString() == "section");
        Assert.Equal(0, section.GetProperty("index").GetInt32());
        Assert.True(section.GetProperty("lines").GetArrayLength() > 0);
    }

    [Fact]
    public async Task QueryStream_AnInvalidQuery_IsRefusedWhenSubscribing_WithItsCode()
    {
        await using var session = await JsSwarmSession.CreateAsync(SampleCatalog.Load(), null, openStore: null);

        var refused = Assert.Throws<ElexApiException>(() => session.SubscribeQueryStream("""{ "text": "  " }""", _ => { }));

        Assert.Equal(ElexErrorCodes.InvalidQuery, refused.Code);
    }

    [Fact]
    public async Task ErrorParts_FollowTheErrorConvention_WithTheStage_AndACodeForEachCause()
    {
        await using var swarm = await ElexSwarm.CreateAsync(SampleCatalog.Load());
        var classify = Json(JsAnswerPart.Json(await swarm.QueryStream(new Query(" ")).LastAsync()));
        await swarm.DisposeAsync();
        var disposed = Json(JsAnswerPart.Json(await swarm.QueryStream(new Query("what is MSM?")).LastAsync()));

        Assert.Equal(("error", "classify", ElexErrorCodes.InvalidQuery), (classify.GetProperty("kind").GetString(), classify.GetProperty("stage").GetString(), classify.GetProperty("error").GetProperty("code").GetString()));
        Assert.Equal("Error", classify.GetProperty("response").GetProperty("status").GetString());
        Assert.Equal(("ingress", ElexErrorCodes.SwarmDisposed), (disposed.GetProperty("stage").GetString(), disposed.GetProperty("error").GetProperty("code").GetString()));
        Assert.Equal(JsonValueKind.Null, disposed.GetProperty("response").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(disposed.GetProperty("error").GetProperty("message").GetString()));
    }
}
