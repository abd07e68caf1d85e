namespace Elex.Hosting;

/// <summary>
/// Where the hosted swarm's catalog (and optionally its router) comes from, asked once when the host
/// starts. <see cref="ElexServiceCollectionExtensions.AddElexSwarm(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{ElexSwarmOptions})"/>
/// registers one that follows the options (<see cref="ElexSwarmOptions.Catalog"/>, then
/// <see cref="ElexSwarmOptions.CatalogPath"/>, else the sample catalog); a library that ships a catalog
/// — the full 593-feature catalog, with its router snapshot — registers its own
/// (<c>services.AddSingleton&lt;ISwarmCatalogSource, MySource&gt;()</c>), which then wins.
/// </summary>
public interface ISwarmCatalogSource
{
    /// <summary>Loads the catalog the swarm answers from; an error stops the host's start.</summary>
    ValueTask<SwarmCatalog> LoadAsync(CancellationToken cancellationToken);
}
