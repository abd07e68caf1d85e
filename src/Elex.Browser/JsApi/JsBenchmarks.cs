namespace Elex.Browser.JsApi;

/// <summary>Routing latency measured inside the page, router only (no pipeline), one timing per query.</summary>
public sealed record JsRouteBenchmark(int Queries, double P50Us, double P95Us, double P99Us, double MeanUs, double MaxUs, double TimerResolutionUs);

/// <summary>
/// One batch write of every agent, timed from reading their state to the store's commit: the first
/// write of the page (<see cref="ColdWriteMs"/>, paying one-time serializer and interop set-up) and
/// a later one after every agent answered again (<see cref="WriteMs"/>, steady state), each with
/// where its time went (<see cref="ColdSplit"/>, <see cref="Split"/>; null when the store is not IndexedDB).
/// </summary>
public sealed record JsPersistBenchmark(int Agents, double ColdWriteMs, double WriteMs, long QTableRecords, long TrajectoryRecords, long AgentStateRecords,
    JsPersistSplit? ColdSplit = null, JsPersistSplit? Split = null);

/// <summary>
/// One persist-all write taken apart (ms): <see cref="SnapshotMs"/> reads every learner and encodes its
/// records in .NET (the write minus the store's share); <see cref="PackMs"/> builds the one buffer;
/// <see cref="InteropMs"/> is the crossing into JavaScript and back; <see cref="UnpackMs"/> reads the
/// buffer in JavaScript; <see cref="PutMs"/> merges its rows into the chunk records it touches and puts
/// them; <see cref="CommitMs"/> waits for the transaction to commit. <see cref="Bytes"/> is the buffer's size.
/// </summary>
public sealed record JsPersistSplit(double SnapshotMs, double PackMs, double InteropMs, double UnpackMs, double PutMs, double CommitMs, int Bytes);
