using System.Diagnostics;
using System.Reactive.Linq;
using Elex.Streams.Telemetry;

namespace Elex.Streams.Pipeline;

/// <summary>
/// The one rule every stage of the query graph follows: a stage does its work only on an item that
/// has not failed, and a stage that throws fails that item (with the stage's name; the first
/// failure wins) instead of ending the stream. A traced query gets one child activity per stage that
/// works on it ("elex.classify", ...), marked as an error when the stage fails the item.
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
        if (item.HasFailed && whenFailed is null) return item;
        using var span = StartSpan(item, stageName);
        if (!item.HasFailed)
        {
            try
            {
                return step(item);
            }
            catch (Exception e)
            {
                item = item.Fail(stageName, e);
                SwarmInstrumentation.FailStage(span, e);
            }
        }
        return whenFailed is null ? item : whenFailed(item);
    }

    /// <summary>
    /// <see cref="Through(PipelineItem, string, Func{PipelineItem, PipelineItem}, Func{PipelineItem, PipelineItem}?)"/>
    /// with a value the step needs passed in, so static lambdas serve and nothing is allocated per item for the call.
    /// </summary>
    public static PipelineItem Through<TState>(
        this PipelineItem item, string stageName, TState state, Func<PipelineItem, TState, PipelineItem> step, Func<PipelineItem, TState, PipelineItem> whenFailed)
    {
        if (item.HasFailed) return whenFailed(item, state);
        using var span = StartSpan(item, stageName);
        try
        {
            return step(item, state);
        }
        catch (Exception e)
        {
            item = item.Fail(stageName, e);
            SwarmInstrumentation.FailStage(span, e);
        }
        return whenFailed(item, state);
    }

    /// <summary>
    /// Runs <paramref name="step"/> on every item, failed or not, in the stage's span: for a stage that
    /// handles its own failures (ValidateSafety fails closed).
    /// </summary>
    public static PipelineItem Traced(this PipelineItem item, string stageName, Func<PipelineItem, PipelineItem> step)
    {
        using var span = StartSpan(item, stageName);
        return step(item);
    }

    // A child of the query's activity when the query is traced; otherwise nothing is started or allocated.
    private static Activity? StartSpan(PipelineItem item, string stageName) =>
        item.Activity is { } query ? SwarmInstrumentation.StartStage(stageName, query) : null;
}
