using System.Reactive.Concurrency;
using Elex.Core.Responses;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Operators;

/// <summary>The Answer stage: every item leaves it carrying exactly one <see cref="QueryResponse"/>.</summary>
internal static class AnswerOperator
{
    /// <summary>
    /// Asks each item's agent for its answer and sets the item's <see cref="PipelineItem.Response"/>
    /// (<see cref="ResponseBuilder"/>: routing evidence, alternatives, latency and queue time by the
    /// scheduler's clock, the agent's interaction recorded). A failed item — or one whose answering
    /// throws — gets an Error response (Rejected when it was cancelled or turned away), an unrouted
    /// one NoMatch, a routed one without an agent Unsure; none of them ends the stream.
    /// </summary>
    public static IObservable<PipelineItem> Answer(this IObservable<PipelineItem> source, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        // One clock for the subscription, not a closure per answer.
        Func<DateTimeOffset> clock = () => scheduler.Now;
        return source.Stage(
            "answer",
            item => item with { Response = ResponseBuilder.Respond(item.ToFacts(), clock) },
            whenFailed: item => item with { Response = ResponseBuilder.Failed(item.ToFacts(), item.FailedStage!, item.Failure!, IsRejection(item.Failure!), scheduler.Now) });
    }

    // Turned away or cancelled is not broken: the caller may retry.
    private static bool IsRejection(Exception failure) => failure is OperationCanceledException or SwarmBusyException;
}
