namespace Elex.Streams;

/// <summary>How agents are organised (the seed's option; routing is the same in every topology today).</summary>
public enum SwarmTopology
{
    /// <summary>Every agent may consult every other.</summary>
    Mesh,
    /// <summary>Agents consult through their domain's coordinator.</summary>
    Hierarchical,
    /// <summary>Domains in a hierarchy, agents meshed within a domain (recommended).</summary>
    HierarchicalMesh,
}
