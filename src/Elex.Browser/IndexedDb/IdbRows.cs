namespace Elex.Browser.IndexedDb;

// The shapes that cross into elex-idb.js (camelCase by JS interop); byte arrays travel as Uint8Array.

internal sealed record IdbQTableRow(string AgentId, byte[] Data);

internal sealed record IdbTrajectoryRow(string AgentId, string TrajectoryId, byte[] Data);

internal sealed record IdbAgentStateRow(string AgentId, string Json);

internal sealed record IdbBatch(IdbQTableRow[] QTables, IdbTrajectoryRow[] Trajectories, IdbAgentStateRow[] AgentStates);

internal sealed record IdbUsage(long Records, long Bytes);
