using Elex.Core.Queries;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Tests;

/// <summary>Builders for pipeline items at a given stage.</summary>
public static class PipelineItems
{
    public static PipelineItem Classified(string text, QueryType type = QueryType.General, long ticks = 0) =>
        new(new Query(text), new DateTimeOffset(ticks, TimeSpan.Zero)) { Classification = new Classification(type, Complexity.Simple) };

    public static PipelineItem Routed(string text, QueryType type = QueryType.General, long ticks = 0)
    {
        var item = Classified(text, type, ticks);
        item.Route = TestCatalog.Router.Route(text);
        return item;
    }

    public static PipelineItem Failed(string text, string stage) =>
        Classified(text).Fail(stage, new InvalidOperationException($"{stage} failed"));
}
