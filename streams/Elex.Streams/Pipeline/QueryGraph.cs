using System.Reactive.Concurrency;
using Elex.Core.Agents;
using Elex.Core.Routing;
using Elex.Core.Safety;
using Elex.Streams.Operators;

namespace Elex.Streams.Pipeline;

/// <summary>
/// The query path, as the README draws it:
/// ingress → Classify → Route | RouteInBatches | RouteWithAsyncModel → ResolveFollowUps → Dispatch → Answer → ValidateSafety.
/// A streamed query's parts leave after Dispatch (routed), Answer (sections) and ValidateSafety (verdicts).
/// </summary>
internal static class QueryGraph
{

    /// <summary>
    /// The graph over the ingress: every item comes out once, in order, carrying its validated response.
    /// <paramref name="nothingQueued"/> tells the micro-batching Route stage when no question waits in the
    /// ingress behind the one it is routing. With <paramref name="answerOn"/>, every stage after routing
    /// runs on that scheduler (<see cref="SwarmConfig.RouteAhead"/>): the hand-off queues routed items
    /// first in first out, so order is kept while the next items are classified and routed upstream.
    /// </summary>
    public static IObservable<PipelineItem> Build(
        IObservable<PipelineItem> ingress, FeatureRouter router, AgentRegistry registry, SafetyValidator safety, SwarmConfig config, IScheduler scheduler,
        Func<bool>? nothingQueued = null, IScheduler? answerOn = null)
    {
        var classified = ingress.Classify(scheduler);
        // One notion of "confident enough to answer" for follow-ups and for dispatch.
        var answeredFrom = Math.Max(config.MinConfidence, config.AbstainBelow);
        var routed = Routed(classified, router, config, scheduler, nothingQueued);
        if (answerOn is not null) routed = routed.HandOff(answerOn, SwarmConfig.RouteAheadWindow);
        return routed
            .ResolveFollowUps(router, answeredFrom)
            .Dispatch(registry, answeredFrom, config.Topology)
            // A streamed query hears where it goes before its agent starts to answer.
            .ReportParts(AnswerPartKind.Routed)
            .Answer(scheduler)
            .ReportParts(AnswerPartKind.Section)
            .ValidateSafety(safety)
            .ReportParts(AnswerPartKind.Verdict);
    }

    // The model runs off the reading loop when asked to, in micro-batches when it is loaded, or not at all.
    private static IObservable<PipelineItem> Routed(IObservable<PipelineItem> classified, FeatureRouter router, SwarmConfig config, IScheduler scheduler, Func<bool>? nothingQueued) =>
        config.AsyncModel
            ? classified.RouteWithAsyncModel(router, config.SemanticBatchWindow, config.SemanticBatchSize, scheduler)
            : router.Semantic is not null && config.SemanticBatchWindow > TimeSpan.Zero
            ? classified.RouteInBatches(router, config.SemanticBatchWindow, config.SemanticBatchSize, scheduler, nothingQueued)
            : classified.Route(router);
}
