using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Core.Agents;
using Elex.Core.Learning;

namespace Elex.Streams.Operators;

/// <summary>The Learn stage: feedback in, one result per feedback out.</summary>
internal static class LearnOperator
{
    /// <summary>
    /// Applies each feedback record to the agent that earned it (Q update, trajectory, replay) and
    /// emits what happened. An unknown id or an out-of-range reward yields a result saying so and
    /// changes nothing; an exception from the learner becomes a Failed result, never the end of
    /// the stream. Timestamps come from <paramref name="scheduler"/>.
    /// </summary>
    public static IObservable<FeedbackResult> Learn(this IObservable<Feedback> source, FeedbackLearner learner, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(scheduler);
        return source.Select(feedback =>
        {
            try
            {
                return learner.Apply(feedback, scheduler.Now.UtcTicks);
            }
            catch (Exception e)
            {
                return new FeedbackResult(feedback, FeedbackStatus.Failed, $"Learning failed: {e.Message}; nothing was learned.");
            }
        });
    }
}
