using Elex.Core.Catalog;
using Elex.Core.Learning;

namespace Elex.Orleans.Hosting;

/// <summary>What every agent grain of a silo answers from and learns with.</summary>
/// <param name="Catalog">The catalog; every silo and the client must load the same one.</param>
/// <param name="Learning">How agents learn from feedback; null turns learning off.</param>
public sealed record ElexAgentSettings(FeatureCatalog Catalog, QLearningOptions? Learning)
{
    /// <summary>Answers before an agent counts as Ready (and its learning state leaves Novice).</summary>
    public int ColdStartThreshold => Learning?.ColdStartThreshold ?? 100;

    /// <summary>Ratings an agent remembers by response id, so a retried or corrected rating is recognised.</summary>
    public int RatingsKept { get; init; } = 1_000;
}
