namespace Elex.Storage.Encryption;

/// <summary>The port's store names, as they appear in associated data and quarantine reports.</summary>
internal static class StoreNames
{
    public const string QTables = "q_tables";
    public const string Trajectories = "trajectories";
    public const string AgentState = "agent_state";
}
