using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Core.Queries;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Operators;

/// <summary>The Classify stage.</summary>
public static class ClassifyOperator
{
    /// <summary>
    /// Wraps each query in a <see cref="PipelineItem"/> stamped with the scheduler's time and
    /// classifies its type and complexity (an explicit type or complexity on the query wins).
    /// Empty text, or text longer than <see cref="Query.MaxLength"/>, fails the item, not the stream.
    /// </summary>
    public static IObservable<PipelineItem> Classify(this IObservable<Query> source, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        return source.Select(query => Classify(new PipelineItem(query, scheduler.Now)));
    }

    /// <summary>
    /// Classifies items that already carry a query (ingress with awaiting callers), stamping when each
    /// left the queue: the response's latency counts from then, and the wait before it is its queue time.
    /// </summary>
    public static IObservable<PipelineItem> Classify(this IObservable<PipelineItem> source, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        return source.Select(item =>
        {
            item.StartedAt = scheduler.Now;
            return Classify(item);
        });
    }

    /// <summary>Classifies items that already carry a query (ingress with awaiting callers).</summary>
    public static IObservable<PipelineItem> Classify(this IObservable<PipelineItem> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Select(Classify);
    }

    private static PipelineItem Classify(PipelineItem item)
    {
        if (item.HasFailed) return item;
        try
        {
            if (string.IsNullOrWhiteSpace(item.Query.Text))
                return item.Fail("classify", new ArgumentException("Query text is empty: ask a question about a RAN feature."));
            if (item.Query.Text.Length > Query.MaxLength)
                return item.Fail("classify", new ArgumentException($"Query text is {item.Query.Text.Length:N0} characters; a question may have at most {Query.MaxLength:N0}."));
            item.Classification = QueryClassifier.Classify(item.Query.Text, item.Query.Type, item.Query.Complexity);
            return item;
        }
        catch (Exception e)
        {
            return item.Fail("classify", e);
        }
    }
}
