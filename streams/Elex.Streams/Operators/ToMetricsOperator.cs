using System.Reactive.Linq;
using Elex.Core.Responses;
using Elex.Streams.Pipeline;
using Elex.Core.Telemetry;

namespace Elex.Streams.Operators;

/// <summary>The telemetry tap on the response stream.</summary>
internal static class ToMetricsOperator
{
    /// <summary>One <see cref="QueryMetric"/> per response: timestamp, latency, confidence, agent, feature, type, complexity, success.</summary>
    public static IObservable<QueryMetric> ToMetrics(this IObservable<QueryResponse> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Select(QueryMetric.From);
    }
}
