namespace Elex.Dashboard.Services;

/// <summary>What the dashboard shows of the server's <c>GET /stats</c>: the swarm's size, traffic and latency.</summary>
public sealed record ServerStats(
    int TotalAgents,
    int ActiveAgents,
    long TotalQueries,
    double SuccessRate,
    double P50Us,
    double P95Us,
    double P99Us,
    long RateLimited);
