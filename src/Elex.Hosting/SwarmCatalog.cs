using Elex.Core.Catalog;
using Elex.Core.Routing;

namespace Elex.Hosting;

/// <summary>A catalog for the hosted swarm, with where it came from (for the log) and, optionally, the router built over it.</summary>
/// <param name="Catalog">The features the swarm answers from.</param>
/// <param name="Source">Where the catalog came from, as the start-up log names it (a file path, "(embedded sample)").</param>
/// <param name="Router">The router over <paramref name="Catalog"/>; null: the swarm builds its own.</param>
public sealed record SwarmCatalog(FeatureCatalog Catalog, string Source, FeatureRouter? Router = null);
