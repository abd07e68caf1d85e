namespace Elex.Streams;

/// <summary>
/// How agents are organised, which decides the peer an agent asks when it consults one (the ConsultPeer
/// strategy): routing is the same in every topology. See <see cref="Pipeline.PeerChoice"/>.
/// </summary>
public enum SwarmTopology
{
    /// <summary>Every agent may consult every other: the peer is the runner-up feature, whatever its domain.</summary>
    Mesh,
    /// <summary>Agents consult only within their domain: the peer is the best-ranked candidate in the same domain, or none.</summary>
    Hierarchical,
    /// <summary>Domains in a hierarchy, agents meshed within a domain (recommended): a same-domain peer first, else the runner-up.</summary>
    HierarchicalMesh,
}
