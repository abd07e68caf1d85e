using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Core.Queries;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Operators;

/// <summary>The Classify stage.</summary>
internal static class ClassifyOperator
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
        return source.Select(query => new PipelineItem(query, scheduler.Now)).Stage("classify", Classified);
    }

    /// <summary>
    /// Classifies items that already carry a query (ingress with awaiting callers), stamping when each
    /// left the queue: the response's latency counts from then, and the wait before it is its queue time.
    /// </summary>
    public static IObservable<PipelineItem> Classify(this IObservable<PipelineItem> source, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        // The start time is stamped with the classification, one copy of the item; a query that fails
        // here still carries the time work on it began.
        return source.Select(item => item.Through("classify", scheduler.Now, static (i, now) => Classified(i, now), static (failed, now) => failed with { StartedAt = now }));
    }

    private static PipelineItem Classified(PipelineItem item) => Classified(item, item.StartedAt);

    private static PipelineItem Classified(PipelineItem item, DateTimeOffset startedAt)
    {
        if (string.IsNullOrWhiteSpace(item.Query.Text))
            throw new ArgumentException("Query text is empty: ask a question about a RAN feature.");
        if (item.Query.Text.Length > Query.MaxLength)
            throw new ArgumentException($"Query text is {item.Query.Text.Length:N0} characters; a question may have at most {Query.MaxLength:N0}.");
        return item with { StartedAt = startedAt, Classification = QueryClassifier.Classify(item.Query.Text, item.Query.Type, item.Query.Complexity) };
    }
}
