namespace Elex.Core.Telemetry;

/// <summary>Latency and outcome statistics over a sliding time window, as of <see cref="Timestamp"/>.</summary>
public readonly record struct LatencySnapshot(
    DateTimeOffset Timestamp,
    TimeSpan Window,
    long Count,
    double P50Us,
    double P95Us,
    double P99Us,
    double SuccessRate,
    double AverageConfidence)
{
    /// <summary>Queries per second over the window.</summary>
    public double Throughput => Window > TimeSpan.Zero ? Count / Window.TotalSeconds : 0;
}
