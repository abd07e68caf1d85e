using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Conversations;
using Elex.Core.Responses;
using Elex.Orleans.Contracts;
using Elex.Streams.Orleans.Learning;
using Elex.Streams.Orleans.Pipeline;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Orleans.Operators;

/// <summary>The AskAgents stage: the cluster's Dispatch and Answer in one.</summary>
internal static class AskAgentsOperator
{
    /// <summary>
    /// Sends each routed item to its feature agent's grain and sets its response from the reply, with
    /// up to <see cref="ClusterSwarmOptions.MaxConcurrentCalls"/> calls in flight (responses leave as
    /// they complete, not in arrival order). Below the confidence to answer no grain is asked: the
    /// item gets Unsure or NoMatch here, as in the local graph. A cluster fault is retried
    /// (<see cref="RetryTransientOperator.RetryTransient{T}"/>); what still fails becomes an Error
    /// response, so every item leaves exactly once and the stream goes on.
    /// </summary>
    /// <param name="source">Routed items.</param>
    /// <param name="grains">Where agent grains are reached.</param>
    /// <param name="catalog">The catalog the route refers to.</param>
    /// <param name="options">Confidence, concurrency and retry settings.</param>
    /// <param name="answered">Told of every answered response (feedback needs it), before the item leaves.</param>
    /// <param name="scheduler">The clock of latencies and the retry delays.</param>
    public static IObservable<PipelineItem> AskAgents(this IObservable<PipelineItem> source, IGrainFactory grains, FeatureCatalog catalog,
        ClusterSwarmOptions options, Action<string, AnsweredBy> answered, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(answered);
        ArgumentNullException.ThrowIfNull(scheduler);
        options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        return source.Select(item => Ask(item, grains, catalog, options, answered, scheduler)).Merge(options.MaxConcurrentCalls);
    }

    private static IObservable<PipelineItem> Ask(PipelineItem item, IGrainFactory grains, FeatureCatalog catalog, ClusterSwarmOptions options,
        Action<string, AnsweredBy> answered, IScheduler scheduler)
    {
        if (item.HasFailed) return Observable.Return(Failed(item, item.FailedStage!, item.Failure!, scheduler));
        if (item.Route?.Best is not { } best) return Observable.Return(Unanswered(item, scheduler));
        // A comparison names at least one feature the router saw; only then is the catalog read for the others.
        IReadOnlyList<Feature> compared = FeatureMentions.Of(item.Route).Count > 0 ? ComparedFeatures.Find(item.Query.Text, catalog) : [];
        if (compared.Count < 2 && item.Route.Confidence < options.AnsweredFrom) return Observable.Return(Unanswered(item, scheduler));
        var lead = compared.Count < 2 ? best.Feature : compared.Contains(best.Feature) ? best.Feature : compared[0];
        var route = item.Route;
        var question = new AgentQuestion
        {
            ResponseId = ResponseIds.Next(),
            Text = item.Query.Text,
            Type = (int)item.Classification.Type,
            Complexity = (int)item.Classification.Complexity,
            All = item.Query.All,
            RouteConfidence = route.Confidence,
            Alternatives = [.. route.Candidates.Skip(1).Select(c => c.Feature.Code.Value)],
            Compared = compared.Count >= 2 ? [.. compared.Select(f => f.Code.Value)] : [],
        };
        var grain = grains.GetGrain<IFeatureAgentGrain>(AgentId.For(lead.Code));
        return Observable.FromAsync(() => grain.AnswerAsync(question))
            .RetryTransient(options.CallAttempts, options.RetryDelay, scheduler)
            .Select(reply =>
            {
                var facts = item.ToFacts() with { Compared = compared };
                var response = ResponseBuilder.Answered(facts, route, best, reply.AgentId, lead, AgentReplies.ToAnswer(reply), scheduler.Now) with { ResponseId = question.ResponseId };
                answered(response.ResponseId, new AnsweredBy(reply.AgentId, reply.LearningState, reply.Strategy, reply.Silo));
                return item with { Compared = compared, Response = response };
            })
            .Catch((Exception error) => Observable.Return(Failed(item, "agent", error, scheduler)));
    }

    // No agent is sure enough: Unsure with the closest features, or NoMatch.
    private static PipelineItem Unanswered(PipelineItem item, IScheduler scheduler) =>
        item with { Response = ResponseBuilder.Respond(item.ToFacts(), () => scheduler.Now) };

    private static PipelineItem Failed(PipelineItem item, string stage, Exception error, IScheduler scheduler)
    {
        var failed = item.Fail(stage, error);
        return failed with { Response = ResponseBuilder.Failed(failed.ToFacts(), failed.FailedStage!, failed.Failure!, error is OperationCanceledException, scheduler.Now) };
    }
}
