namespace Elex.Storage.Encryption;

/// <summary>
/// A stored record that a load of <see cref="EncryptedAgentStore"/> skipped because it did not
/// decrypt: altered, moved from another agent or trajectory, or not written with this store's key.
/// </summary>
/// <param name="Store">The store it is in: <c>q_tables</c>, <c>trajectories</c> or <c>agent_state</c>.</param>
/// <param name="AgentId">The agent it is stored under.</param>
/// <param name="TrajectoryId">The trajectory it is stored under; null outside <c>trajectories</c>.</param>
/// <param name="Reason">Why it was not returned.</param>
public sealed record QuarantinedRecord(string Store, string AgentId, string? TrajectoryId, string Reason)
{
    /// <summary>One sentence naming the record and the reason, for logs and reports.</summary>
    public string Message => TrajectoryId is null
        ? $"The {Store} record of agent '{AgentId}' {Reason}."
        : $"The {Store} record '{TrajectoryId}' of agent '{AgentId}' {Reason}.";
}
