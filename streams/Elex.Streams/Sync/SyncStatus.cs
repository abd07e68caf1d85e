using Elex.Sync;

namespace Elex.Streams.Sync;

/// <summary>Federated sync as the dashboard and <c>elex</c> show it.</summary>
/// <param name="Identity">This swarm's public key (<c>ed25519-pub:…</c>), which peers put in their trust list.</param>
/// <param name="Connected">A transport is connected.</param>
/// <param name="DeltasSent">Own deltas published.</param>
/// <param name="LastSentAt">When the last own delta was published, or null.</param>
/// <param name="LastSequence">The sequence number of the last own delta.</param>
/// <param name="Accepted">Peers' deltas verified and merged.</param>
/// <param name="Rejected">Deltas refused, by reason (Malformed, Unsigned, UntrustedKey, BadSignature, Replayed); never merged.</param>
/// <param name="OwnEchoes">Own deltas that came back through the relay (ignored, not an attack).</param>
/// <param name="PeerAgents">Agents that hold peers' learning.</param>
/// <param name="LastError">Why the transport closed or a publish failed, or null.</param>
public sealed record SyncStatus(
    string Identity,
    bool Connected,
    long DeltasSent,
    DateTimeOffset? LastSentAt,
    long LastSequence,
    long Accepted,
    IReadOnlyDictionary<DeltaStatus, long> Rejected,
    long OwnEchoes,
    int PeerAgents,
    string? LastError)
{
    /// <summary>All rejected deltas, whatever the reason.</summary>
    public long RejectedTotal => Rejected.Values.Sum();
}
