using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Elex.Hosting;

/// <summary>Registers the Elex swarm in a .NET host.</summary>
public static class ElexServiceCollectionExtensions
{
    /// <summary>
    /// Adds the swarm as a hosted service configured in code: the options are validated when the host
    /// starts (an <see cref="OptionsValidationException"/> naming each bad option, e.g.
    /// <c>Elex:MaxAgents: 0 must be between 1 and 100000.</c>), the swarm is started restored from its
    /// store before other hosted services start and shut down (its learned state written) after they
    /// stop, and <see cref="IElexSwarmAccessor"/> hands it to other services.
    /// </summary>
    public static IServiceCollection AddElexSwarm(this IServiceCollection services, Action<ElexSwarmOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddElexSwarmCore(ElexSwarmOptions.SectionName, options => options.Configure(configure));
    }

    /// <summary>
    /// Adds the swarm as a hosted service (as <see cref="AddElexSwarm(IServiceCollection, Action{ElexSwarmOptions})"/>)
    /// with its options bound from <paramref name="section"/> — usually <c>configuration.GetSection("Elex")</c>
    /// of <c>appsettings.json</c> — then <paramref name="configure"/>, for what only code can set.
    /// Validation messages name the options by the section's path (<c>Elex:MaxAgents</c>).
    /// </summary>
    public static IServiceCollection AddElexSwarm(this IServiceCollection services, IConfiguration section, Action<ElexSwarmOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var sectionPath = section is IConfigurationSection named ? named.Path : ElexSwarmOptions.SectionName;
        return services.AddElexSwarmCore(sectionPath, options =>
        {
            options.Bind(section);
            if (configure is not null) options.Configure(configure);
        });
    }

    // Registered once however often AddElexSwarm is called: one swarm per host; later calls add configuration only.
    private static IServiceCollection AddElexSwarmCore(this IServiceCollection services, string sectionPath, Action<OptionsBuilder<ElexSwarmOptions>> configure)
    {
        var options = services.AddOptions<ElexSwarmOptions>();
        configure(options);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ElexSwarmOptions>>(new ElexSwarmOptionsValidator(sectionPath)));
        services.TryAddSingleton<ISwarmCatalogSource, OptionsCatalogSource>();
        services.TryAddSingleton<ElexSwarmLifetime>();
        services.TryAddSingleton<IElexSwarmAccessor>(provider => provider.GetRequiredService<ElexSwarmLifetime>());
        services.AddHostedService(provider => provider.GetRequiredService<ElexSwarmLifetime>());
        return services;
    }
}
