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
    private readonly Counter<long> _persistWrites;
    private readonly Counter<long> _persistFailures;
    private readonly Histogram<double> _persistDuration;

    /// <summary>Creates the instruments.</summary>
    public SwarmInstrumentation()
    {
        _meter = new Meter(Name, "1.0");
        _latency = _meter.CreateHistogram<double>("elex.query.latency", "us", "End-to-end query latency");
        _queries = _meter.CreateCounter<long>("elex.queries", "{query}", "Queries answered (any status)");
        _errors = _meter.CreateCounter<long>("elex.query.errors", "{query}", "Queries that ended in Error or Rejected");
        _feedback = _meter.CreateCounter<long>("elex.feedback", "{feedback}", "Feedback records applied");
        _persistWrites = _meter.CreateCounter<long>("elex.persist.writes", "{write}", "Successful background writes of agent state");
        _persistFailures = _meter.CreateCounter<long>("elex.persist.failures", "{write}", "Failed or timed-out write attempts (retried with backoff)");
        _persistDuration = _meter.CreateHistogram<double>("elex.persist.duration", "ms", "Duration of background write attempts");
    }

    /// <summary>The activity source: one "elex.query" activity per query, a child activity per pipeline stage.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, "1.0");

    /// <summary>The name of a query's activity, the root of its trace unless the caller asked inside an activity of its own.</summary>
    public const string QueryActivityName = "elex.query";

    /// <summary>Starts the activity of one query (null when nobody listens).</summary>
    public static Activity? StartQuery(string queryId)
    {
        if (!ActivitySource.HasListeners()) return null;
        var callers = Activity.Current;
        var activity = ActivitySource.StartActivity(QueryActivityName, ActivityKind.Internal);
        if (activity is null) return null;
        activity.SetTag("elex.query.id", queryId);
        // The query is worked on by the pipeline's reading loop, not here: the caller goes on with its own
        // current activity, so its next query is a trace of its own rather than a child of this one.
        Activity.Current = callers;
        return activity;
    }

    /// <summary>
    /// Starts the activity of one pipeline stage as a child of its query's activity. The parent is given
    /// explicitly: stages run on the single reading loop, where the query's activity is not current.
    /// </summary>
    internal static Activity? StartStage(string stageName, Activity query)
    {
        var activity = ActivitySource.StartActivity(StageActivityName(stageName), ActivityKind.Internal, query.Context);
        activity?.SetTag("elex.stage", stageName);
        return activity;
    }

    /// <summary>Marks a stage's activity as failed with the exception that failed its item.</summary>
    internal static void FailStage(Activity? stage, Exception error)
    {
        if (stage is null) return;
        stage.SetStatus(ActivityStatusCode.Error, error.Message);
        stage.AddException(error);
    }

    // Constant names for the known stages: no string is built per query while tracing.
    private static string StageActivityName(string stageName) => stageName switch
    {
        "classify" => "elex.classify",
        "route" => "elex.route",
        "follow-up" => "elex.follow-up",
        "dispatch" => "elex.dispatch",
        "answer" => "elex.answer",
        "validate-safety" => "elex.validate-safety",
        _ => "elex." + stageName,
    };

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

    /// <summary>Records one write attempt of the Persist stage.</summary>
    internal void RecordPersist<TKey>(Persistence.PersistOutcome<TKey> outcome)
    {
        var tags = new TagList { { "elex.agents", outcome.Keys.Count } };
        (outcome.Succeeded ? _persistWrites : _persistFailures).Add(1, tags);
        _persistDuration.Record(outcome.Duration.TotalMilliseconds, new KeyValuePair<string, object?>("elex.success", outcome.Succeeded));
    }

    /// <summary>Counts one applied feedback record.</summary>
    public void RecordFeedback(bool success) => _feedback.Add(1, new KeyValuePair<string, object?>("elex.success", success));

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
