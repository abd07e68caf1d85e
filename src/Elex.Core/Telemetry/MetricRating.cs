namespace Elex.Core.Telemetry;

/// <summary>A response's rating as telemetry sees it: whether the answer now counts as a success.</summary>
public readonly record struct MetricRating(string ResponseId, bool Success);
