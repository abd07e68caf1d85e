namespace Elex.Browser.JsApi;

/// <summary>Routing latency measured inside the page, router only (no pipeline), one timing per query.</summary>
public sealed record JsRouteBenchmark(int Queries, double P50Us, double P95Us, double P99Us, double MeanUs, double MaxUs, double TimerResolutionUs);

/// <summary>
/// One batch write of every agent, timed from reading their state to the store's commit: the first
/// write of the page (<see cref="ColdWriteMs"/>, paying one-time serializer and interop set-up) and
/// a later one after every agent answered again (<see cref="WriteMs"/>, steady state).
/// </summary>
public sealed record JsPersistBenchmark(int Agents, double ColdWriteMs, double WriteMs, long QTableRecords, long TrajectoryRecords, long AgentStateRecords);
