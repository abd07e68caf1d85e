using Elex.Core.Queries;
using Elex.Core.Responses;

namespace Elex.Core.Telemetry;

/// <summary>One query's telemetry record.</summary>
public readonly record struct QueryMetric(
    DateTimeOffset Timestamp,
    double LatencyUs,
    float Confidence,
    string? AgentId,
    string? FeatureCode,
    QueryType QueryType,
    Complexity Complexity,
    bool Success,
    ResponseStatus Status)
{
    /// <summary>The metric of a response.</summary>
    public static QueryMetric From(QueryResponse response) => new(
        response.Timestamp, response.LatencyUs, response.Confidence, response.AgentId, response.FeatureCode,
        response.QueryType, response.Complexity, response.Status == ResponseStatus.Answered, response.Status);
}
