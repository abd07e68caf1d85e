using System.Reactive.Linq;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Tests;

/// <summary>Builders for pipeline items at a given stage, and the responses Answer leaves on them.</summary>
internal static class PipelineItems
{
    public static PipelineItem Classified(string text, QueryType type = QueryType.General, long ticks = 0) =>
        new(new Query(text), new DateTimeOffset(ticks, TimeSpan.Zero)) { Classification = new Classification(type, Complexity.Simple) };

    public static PipelineItem Routed(string text, QueryType type = QueryType.General, long ticks = 0) =>
        Classified(text, type, ticks) is var item ? item with { Route = TestCatalog.Router.Route(text) } : item;

    public static PipelineItem Failed(string text, string stage) =>
        Classified(text).Fail(stage, new InvalidOperationException($"{stage} failed"));

    /// <summary>The response each answered item carries.</summary>
    public static IObservable<QueryResponse> Responses(this IObservable<PipelineItem> answered) =>
        answered.Select(static item => item.Response!);
}
