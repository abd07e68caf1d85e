using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Core.Agents;
using Elex.Core.Learning;

namespace Elex.Streams.Operators;

/// <summary>The Learn stage: feedback in, one result per feedback out.</summary>
public static class LearnOperator
{
    /// <summary>
    /// Applies each feedback record to the agent that earned it (Q update, trajectory, replay) and
    /// emits what happened. An unknown id or an out-of-range reward yields a result saying so and
    /// changes nothing; an exception from the learner becomes a Failed result, never the end of
    /// the stream. Timestamps come from <paramref name="scheduler"/>.
    /// </summary>
    public static IObservable<FeedbackResult> Learn(this IObservable<Feedback> source, FeedbackLearner learner, IScheduler scheduler) =>
        source.Learn(learner, scheduler, static f => f, static (_, result) => result);

    /// <summary>As <see cref="Learn(IObservable{Feedback}, FeedbackLearner, IScheduler)"/>, over items that carry feedback.</summary>
    public static IObservable<TResult> Learn<TItem, TResult>(this IObservable<TItem> source, FeedbackLearner learner, IScheduler scheduler,
        Func<TItem, Feedback> feedbackOf, Func<TItem, FeedbackResult, TResult> resultSelector)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(feedbackOf);
        ArgumentNullException.ThrowIfNull(resultSelector);
        return source.Select(item =>
        {
            var feedback = feedbackOf(item);
            FeedbackResult result;
            try
            {
                result = learner.Apply(feedback, scheduler.Now.UtcTicks);
            }
            catch (Exception e)
            {
                result = new FeedbackResult(feedback, FeedbackStatus.Failed, $"Learning failed: {e.Message}; nothing was learned.");
            }
            return resultSelector(item, result);
        });
    }
}
