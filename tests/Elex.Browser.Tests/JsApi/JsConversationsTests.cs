using System.Text.Json;
using Elex.Browser.JsApi;
using Elex.Core.Catalog;

namespace Elex.Browser.Tests.JsApi;

/// <summary>The JS API's sessions (<c>swarm.createSession()</c>): follow-ups answered in the session's context.</summary>
public class JsConversationsTests
{
    private const string FollowUp = """{ "text": "and which alarms or counters should I watch once it is on?" }""";

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public async Task AFollowUp_IsAnsweredAboutTheSessionsFeature_AndTheResponseSaysSo()
    {
        await using var swarm = await JsSwarmSession.CreateAsync(SampleCatalog.Load(), null, openStore: null);
        var alone = Json(await swarm.QueryAsync(FollowUp));
        Assert.NotEqual("FAJ 121 2051", alone.GetProperty("featureCode").GetString());
        Assert.False(alone.GetProperty("resolvedFromContext").GetBoolean());

        var session = swarm.Conversations.Open();
        var first = Json(await swarm.Conversations.QueryAsync(session, """{ "text": "what is TTI bundling good for?" }"""));
        Assert.Equal(["FAJ 121 2051"], first.GetProperty("namedFeatures").EnumerateArray().Select(e => e.GetString()));
        var followUp = Json(await swarm.Conversations.QueryAsync(session, FollowUp));
        Assert.Equal("FAJ 121 2051", followUp.GetProperty("featureCode").GetString());
        Assert.True(followUp.GetProperty("resolvedFromContext").GetBoolean());
        Assert.Equal(["FAJ 121 2051"], followUp.GetProperty("contextFeatures").EnumerateArray().Select(e => e.GetString()));
        var context = Json(swarm.Conversations.Context(session));
        Assert.Equal(("FAJ 121 2051", "TTI Bundling"), (context[0].GetProperty("code").GetString(), context[0].GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Sessions_AreIndependent_ResetEmptiesOne()
    {
        await using var swarm = await JsSwarmSession.CreateAsync(SampleCatalog.Load(), null, openStore: null);
        var sleep = swarm.Conversations.Open();
        var bundling = swarm.Conversations.Open();
        Assert.NotEqual(sleep, bundling);
        await swarm.Conversations.QueryAsync(sleep, """{ "text": "tell me about MIMO Sleep Mode" }""");
        await swarm.Conversations.QueryAsync(bundling, """{ "text": "tell me about TTI bundling" }""");
        Assert.Equal("FAJ 121 3094", Json(await swarm.Conversations.QueryAsync(sleep, FollowUp)).GetProperty("featureCode").GetString());
        Assert.Equal("FAJ 121 2051", Json(await swarm.Conversations.QueryAsync(bundling, FollowUp)).GetProperty("featureCode").GetString());
        swarm.Conversations.Reset(sleep);
        Assert.Equal("[]", swarm.Conversations.Context(sleep));
    }

    [Fact]
    public async Task BadInput_ClosedSessions_AndAShutDownSwarm_RejectWithCodes()
    {
        var swarm = await JsSwarmSession.CreateAsync(SampleCatalog.Load(), null, openStore: null);
        var session = swarm.Conversations.Open();
        Assert.Equal(ElexErrorCodes.InvalidQuery, (await Assert.ThrowsAsync<ElexApiException>(() => swarm.Conversations.QueryAsync(session, """{ "text": "" }"""))).Code);
        var never = await Assert.ThrowsAsync<ElexApiException>(() => swarm.Conversations.QueryAsync(42, FollowUp));
        Assert.Equal(ElexErrorCodes.SessionClosed, never.Code);
        Assert.Contains("session 42", never.Message);
        swarm.Conversations.Close(session);
        swarm.Conversations.Close(session);
        Assert.Equal(ElexErrorCodes.SessionClosed, Assert.Throws<ElexApiException>(() => swarm.Conversations.Reset(session)).Code);
        var open = swarm.Conversations.Open();
        await swarm.DisposeAsync();
        Assert.Equal(ElexErrorCodes.SessionClosed, (await Assert.ThrowsAsync<ElexApiException>(() => swarm.Conversations.QueryAsync(open, FollowUp))).Code);
        Assert.Equal(ElexErrorCodes.SwarmDisposed, Assert.Throws<ElexApiException>(() => swarm.Conversations.Open()).Code);
    }
}
