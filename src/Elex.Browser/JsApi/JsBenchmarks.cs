namespace Elex.Browser.JsApi;

/// <summary>Routing latency measured inside the page, router only (no pipeline), one timing per query.</summary>
public sealed record JsRouteBenchmark(int Queries, double P50Us, double P95Us, double P99Us, double MeanUs, double MaxUs, double TimerResolutionUs);

/// <summary>One batch write of every agent that has answered, timed around the store's commit.</summary>
public sealed record JsPersistBenchmark(int Agents, double WriteMs, long QTableRecords, long TrajectoryRecords, long AgentStateRecords);
