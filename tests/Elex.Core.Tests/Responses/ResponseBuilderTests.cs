using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Conversations;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Core.Routing;

namespace Elex.Core.Tests.Responses;

public class ResponseBuilderTests
{
    private static readonly FeatureCatalog Sample = SharedData.SampleCatalogInstance;
    private static readonly Lazy<FeatureRouter> Router = new(() => FeatureRouter.Build(Sample));
    private static readonly DateTimeOffset Received = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Started = Received.AddMilliseconds(3);
    private static readonly DateTimeOffset Now = Started.AddMilliseconds(2);

    private static ResponseFacts Routed(string text, QueryType type = QueryType.General, ConversationContext? conversation = null) =>
        new(new Query(text) { Conversation = conversation }, new Classification(type, Complexity.Simple), Received, Started)
        {
            Route = Router.Value.Route(text),
        };

    private static ResponseFacts Dispatched(string text, QueryType type, AgentRegistry registry)
    {
        var facts = Routed(text, type);
        return facts with { Agent = registry.Get(facts.Route!.Best!.Ordinal) };
    }

    private static QueryResponse Respond(ResponseFacts facts) => ResponseBuilder.Respond(facts, () => Now);

    [Fact]
    public void Respond_CarriesEvidenceAlternativesAndPendingCommands()
    {
        var response = Respond(Dispatched("set sleepMode to 2 on cell X", QueryType.Parameter, new AgentRegistry(Sample)));
        Assert.Equal(ResponseStatus.Answered, response.Status);
        Assert.Contains(response.Evidence, e => e.StartsWith("routed by Parameter 'sleepMode'", StringComparison.Ordinal));
        Assert.Contains(response.Evidence, e => e.StartsWith("routed by similarity ", StringComparison.Ordinal));
        Assert.Contains("parameter MimoSleepFunction.sleepMode (Introduced)", response.Evidence);
        Assert.NotEmpty(response.Alternatives);
        Assert.All(response.Commands, c => Assert.False(c.IsRunnable));
        Assert.InRange(response.Confidence, 0f, 1f);
    }

    [Fact]
    public void Respond_SplitsQueueTimeAndLatency_ByTheStartOfWork_AndRecordsTheInteraction()
    {
        var registry = new AgentRegistry(Sample);
        var facts = Dispatched("Which counters show MSM is working?", QueryType.Counter, registry);
        var response = Respond(facts);
        Assert.Equal((3000.0, 2000.0, Now), (response.QueueUs, response.LatencyUs, response.Timestamp));
        Assert.Equal(1, facts.Agent!.Snapshot().Interactions);
    }

    [Fact]
    public void Respond_ReadsTheClockAfterTheAgentAnswered()
    {
        var facts = Dispatched("Which counters show MSM is working?", QueryType.Counter, new AgentRegistry(Sample));
        var reads = 0;
        var response = ResponseBuilder.Respond(facts, () => { reads++; return Now; });
        Assert.Equal(1, reads);
        Assert.Equal(Now, response.Timestamp);
    }

    [Fact]
    public void Respond_AFollowUp_IsNotJustifiedBySimilarity_AndCarriesItsConversation()
    {
        var msm = FeatureCode.Parse("FAJ 121 3094");
        var registry = new AgentRegistry(Sample);
        var facts = Routed("and its counters?", QueryType.Counter, new ConversationContext([msm]));
        var route = Router.Value.Route("MSM counters") with { ResolvedFromContext = true };
        var response = Respond(facts with { Route = route, Agent = registry.Get(route.Best!.Ordinal) });
        Assert.True(response.ResolvedFromContext);
        Assert.Equal([msm.Value], response.ContextFeatures);
        Assert.DoesNotContain(response.Evidence, e => e.StartsWith("routed by similarity", StringComparison.Ordinal));
    }

    [Fact]
    public void Respond_AModelFailure_IsAWarning()
    {
        var registry = new AgentRegistry(Sample);
        var facts = Dispatched("Which counters show MSM is working?", QueryType.Counter, registry);
        var response = Respond(facts with { Route = facts.Route! with { ModelFailure = "model unavailable" } });
        Assert.Contains(response.Warnings, w => w.Contains("(model unavailable)", StringComparison.Ordinal));
    }

    [Fact]
    public void Respond_RoutedWithoutAnAgent_IsUnsure_NamesTheBestGuessAndThreeCandidates_AndProposesNoCommand()
    {
        // "set sleepMode" names a parameter several features share: routed, but no agent was dispatched.
        var facts = Routed("set sleepMode to 2 on cell X", QueryType.Procedure);
        Assert.True(facts.Route!.Candidates.Count >= 3);
        var response = Respond(facts);
        Assert.Equal(ResponseStatus.Unsure, response.Status);
        Assert.Equal(facts.Route.Best!.Feature.Code.Value, response.FeatureCode);
        Assert.Null(response.AgentId);
        Assert.Empty(response.Commands);
        Assert.StartsWith("Not sure which feature", response.Text);
        foreach (var c in facts.Route.Candidates.Take(3)) Assert.Contains(c.Feature.DisplayName, response.Text);
        Assert.Contains("sleepMode", response.Text); // why: the shared parameter it names
    }

    [Fact]
    public void Respond_Unrouted_IsNoMatch_AndSaysWhatToName()
    {
        var facts = new ResponseFacts(new Query("qwzx"), new Classification(QueryType.General, Complexity.Simple), Received, Started);
        var response = Respond(facts);
        Assert.Equal(ResponseStatus.NoMatch, response.Status);
        Assert.Equal(0f, response.Confidence);
        Assert.Contains("FAJ code", response.Text);
        Assert.Empty(response.NamedFeatures);
    }

    [Fact]
    public void Failed_IsAnErrorNamingTheStage_OrRejected()
    {
        var facts = Routed("MSM counters");
        var error = ResponseBuilder.Failed(facts, "dispatch", new InvalidOperationException("registry closed"), rejected: false, Now);
        var rejected = ResponseBuilder.Failed(facts, "ingress", new OperationCanceledException("cancelled"), rejected: true, Now);
        Assert.Equal((ResponseStatus.Error, "dispatch: registry closed", "The query failed in dispatch: registry closed"), (error.Status, error.Error, error.Text));
        Assert.Equal((ResponseStatus.Rejected, "ingress: cancelled"), (rejected.Status, rejected.Error));
        Assert.Equal(facts.Query.Id, error.QueryId);
        Assert.Equal(["FAJ 121 3094"], error.NamedFeatures);
    }

    [Fact]
    public void ResponseIds_AreUnique()
    {
        var facts = new ResponseFacts(new Query("x"), default, Received, Started);
        var ids = Enumerable.Range(0, 100).Select(_ => Respond(facts).ResponseId).ToList();
        Assert.Equal(100, ids.Distinct().Count());
    }
}
