using Elex.Streams.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Elex.OpenTelemetry;

/// <summary>
/// Registers the swarm's instruments with OpenTelemetry: the meter and the activity source named
/// <see cref="SwarmInstrumentation.Name"/> ("Elex.Reactive"). Elex.Core and Elex.Streams use only
/// System.Diagnostics, so nothing but this package depends on OpenTelemetry.
/// </summary>
public static class ElexInstrumentationExtensions
{
    /// <summary>
    /// Query latencies in microseconds, from a cached answer (~30 µs) to a cold start (a second): the
    /// SDK's default buckets end at 10,000, which in microseconds is only 10 ms.
    /// </summary>
    public static IReadOnlyList<double> LatencyBucketsUs { get; } =
        [10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000];

    /// <summary>
    /// Exports the swarm's metrics: <c>elex.query.latency</c> (histogram, us, with <see cref="LatencyBucketsUs"/>),
    /// <c>elex.queries</c>, <c>elex.query.errors</c>, <c>elex.feedback</c>, <c>elex.persist.writes</c>,
    /// <c>elex.persist.failures</c> (counters) and <c>elex.persist.duration</c> (histogram, ms).
    /// </summary>
    public static MeterProviderBuilder AddElexInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddMeter(SwarmInstrumentation.Name)
            .AddView("elex.query.latency", new ExplicitBucketHistogramConfiguration { Boundaries = [.. LatencyBucketsUs] });
    }

    /// <summary>
    /// Exports the swarm's traces: one trace per query — an <c>elex.query</c> span (a child of the caller's
    /// current activity, if any) with one child span per pipeline stage that worked on it:
    /// <c>elex.classify</c>, <c>elex.route</c>, <c>elex.follow-up</c>, <c>elex.dispatch</c>,
    /// <c>elex.answer</c>, <c>elex.validate-safety</c>; a stage that failed the query has status Error.
    /// </summary>
    public static TracerProviderBuilder AddElexInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(SwarmInstrumentation.Name);
    }
}
