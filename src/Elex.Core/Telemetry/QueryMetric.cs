using Elex.Core.Queries;
using Elex.Core.Responses;

namespace Elex.Core.Telemetry;

/// <summary>
/// One query's telemetry record. <see cref="Success"/> is true for an answered query that has not been
/// rated unsuccessful: it starts as "answered" and a stored metric follows the ratings of its response
/// (<see cref="MetricStore.Rate"/>). <see cref="QueryId"/> and <see cref="ResponseId"/> tie the metric
/// to the question asked and the response rated.
/// </summary>
public readonly record struct QueryMetric(
    DateTimeOffset Timestamp,
    double LatencyUs,
    float Confidence,
    string? AgentId,
    string? FeatureCode,
    QueryType QueryType,
    Complexity Complexity,
    bool Success,
    ResponseStatus Status,
    string? QueryId = null,
    string? ResponseId = null)
{
    /// <summary>The metric of a response.</summary>
    public static QueryMetric From(QueryResponse response) => new(
        response.Timestamp, response.LatencyUs, response.Confidence, response.AgentId, response.FeatureCode,
        response.QueryType, response.Complexity, response.Status == ResponseStatus.Answered, response.Status,
        response.QueryId, response.ResponseId);

    /// <summary>This metric after its response was rated: a success only when answered and rated successful.</summary>
    public QueryMetric RatedAs(bool success) => this with { Success = Status == ResponseStatus.Answered && success };
}
