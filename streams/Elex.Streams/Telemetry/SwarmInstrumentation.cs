using System.Diagnostics;
using System.Diagnostics.Metrics;
using Elex.Core.Responses;

namespace Elex.Streams.Telemetry;

/// <summary>
/// System.Diagnostics instruments, so OpenTelemetry (or dotnet-counters) can export what the swarm
/// does: a latency histogram, query / error / feedback counters, and one activity per query.
/// </summary>
public sealed class SwarmInstrumentation : IDisposable
{
    /// <summary>The meter and activity source name.</summary>
    public const string Name = "Elex.Reactive";

    private readonly Meter _meter;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _queries;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _feedback;

    /// <summary>Creates the instruments.</summary>
    public SwarmInstrumentation()
    {
        _meter = new Meter(Name, "1.0");
        _latency = _meter.CreateHistogram<double>("elex.query.latency", "us", "End-to-end query latency");
        _queries = _meter.CreateCounter<long>("elex.queries", "{query}", "Queries answered (any status)");
        _errors = _meter.CreateCounter<long>("elex.query.errors", "{query}", "Queries that ended in Error or Rejected");
        _feedback = _meter.CreateCounter<long>("elex.feedback", "{feedback}", "Feedback records applied");
    }

    /// <summary>The activity source: one "elex.query" activity per query.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, "1.0");

    /// <summary>Starts the activity of one query (null when nobody listens).</summary>
    public static Activity? StartQuery(string queryId)
    {
        var activity = ActivitySource.StartActivity("elex.query", ActivityKind.Internal);
        activity?.SetTag("elex.query.id", queryId);
        return activity;
    }

    /// <summary>Records a response on the meters and finishes its activity.</summary>
    public void Record(QueryResponse response, Activity? activity)
    {
        var tags = new TagList
        {
            { "elex.query.type", response.QueryType.ToString() },
            { "elex.status", response.Status.ToString() },
        };
        _latency.Record(response.LatencyUs, tags);
        _queries.Add(1, tags);
        if (response.Status is ResponseStatus.Error or ResponseStatus.Rejected) _errors.Add(1, tags);
        if (activity is null) return;
        activity.SetTag("elex.feature", response.FeatureCode);
        activity.SetTag("elex.agent", response.AgentId);
        activity.SetTag("elex.confidence", response.Confidence);
        activity.SetTag("elex.status", response.Status.ToString());
        activity.SetStatus(response.Status is ResponseStatus.Error ? ActivityStatusCode.Error : ActivityStatusCode.Ok, response.Error);
        activity.Stop();
    }

    /// <summary>Counts one applied feedback record.</summary>
    public void RecordFeedback(bool success) => _feedback.Add(1, new KeyValuePair<string, object?>("elex.success", success));

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
