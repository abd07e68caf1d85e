using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Elex.Hosting;

/// <summary>Gives a hosted swarm the embedded full catalog and the sentence-model router.</summary>
public static class EmbeddedCatalogExtensions
{
    /// <summary>
    /// Makes the hosted swarm answer from the embedded full 593-feature catalog, routed with the local sentence
    /// model seeded by the shipped feature vectors (vectors cached in <see cref="EmbeddedCatalogOptions.CacheDirectory"/>,
    /// by default a <c>semantic</c> folder beside the store). Replaces the catalog source
    /// <see cref="ElexServiceCollectionExtensions.AddElexSwarm(IServiceCollection, Action{ElexSwarmOptions})"/> registers,
    /// so <see cref="ElexSwarmOptions.CatalogPath"/> and <see cref="ElexSwarmOptions.Catalog"/> no longer apply.
    /// Call it before or after <c>AddElexSwarm</c>.
    /// </summary>
    /// <example><code>services.AddElexSwarm(configuration.GetSection("Elex")).AddElexEmbeddedCatalog();</code></example>
    public static IServiceCollection AddElexEmbeddedCatalog(this IServiceCollection services, Action<EmbeddedCatalogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<EmbeddedCatalogOptions>();
        if (configure is not null) options.Configure(configure);
        services.Replace(ServiceDescriptor.Singleton<ISwarmCatalogSource, EmbeddedCatalogSource>());
        return services;
    }

    /// <summary>
    /// As <see cref="AddElexEmbeddedCatalog(IServiceCollection, Action{EmbeddedCatalogOptions})"/>, with the options bound
    /// from <paramref name="section"/> (e.g. <c>Elex:EmbeddedCatalog</c>: <c>SentenceModel</c>, <c>CacheDirectory</c>).
    /// </summary>
    public static IServiceCollection AddElexEmbeddedCatalog(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddElexEmbeddedCatalog();
        services.AddOptions<EmbeddedCatalogOptions>().Bind(section);
        return services;
    }
}
