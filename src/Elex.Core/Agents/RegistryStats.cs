namespace Elex.Core.Agents;

/// <summary>Counters of the lazy agent registry.</summary>
internal readonly record struct RegistryStats(int Known, int Loaded, long Hits, long Misses, long Evictions, int MaxAgents)
{
    /// <summary>Hits divided by lookups (0 when none).</summary>
    public double HitRate => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}
