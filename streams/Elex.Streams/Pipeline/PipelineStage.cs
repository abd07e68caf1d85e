using System.Reactive.Linq;

namespace Elex.Streams.Pipeline;

/// <summary>
/// The one rule every stage of the query graph follows: a stage does its work only on an item that
/// has not failed, and a stage that throws fails that item (with the stage's name; the first
/// failure wins) instead of ending the stream.
/// </summary>
internal static class PipelineStage
{
    /// <summary>
    /// Runs <paramref name="step"/> on each item that has not failed; a throw from it fails the item
    /// as <paramref name="stageName"/>. Failed items pass on untouched — unless the stage has work
    /// for them too (<paramref name="whenFailed"/>, as Answer does: every item leaves it with a
    /// response), which then also runs on an item this stage has just failed. An exception from
    /// <paramref name="whenFailed"/> ends the stream.
    /// </summary>
    public static IObservable<PipelineItem> Stage(
        this IObservable<PipelineItem> source, string stageName, Func<PipelineItem, PipelineItem> step, Func<PipelineItem, PipelineItem>? whenFailed = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(stageName);
        ArgumentNullException.ThrowIfNull(step);
        return source.Select(item => item.Through(stageName, step, whenFailed));
    }

    /// <summary>
    /// The same rule for one item, for the stages that work on a batch of items at a time
    /// (<see cref="Operators.BatchRouting"/>).
    /// </summary>
    public static PipelineItem Through(
        this PipelineItem item, string stageName, Func<PipelineItem, PipelineItem> step, Func<PipelineItem, PipelineItem>? whenFailed = null)
    {
        if (!item.HasFailed)
        {
            try
            {
                return step(item);
            }
            catch (Exception e)
            {
                item = item.Fail(stageName, e);
            }
        }
        return whenFailed is null ? item : whenFailed(item);
    }
}
