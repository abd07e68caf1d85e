using Elex.Streams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Elex.Hosting.Tests;

/// <summary>
/// Real generic hosts for the tests: an empty builder (no appsettings.json or environment variables from
/// the machine), the given in-memory configuration, and every log entry captured.
/// </summary>
internal static class TestHosts
{
    public static IHost Build(
        CapturingLoggerProvider logs,
        Action<IServiceCollection, IConfiguration> register,
        IDictionary<string, string?>? configuration = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (configuration is not null) builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        register(builder.Services, builder.Configuration);
        return builder.Build();
    }

    /// <summary>A host with the swarm configured in code (sample catalog unless set) over <paramref name="storePath"/>.</summary>
    public static IHost WithSwarm(CapturingLoggerProvider logs, string? storePath, Action<ElexSwarmOptions>? configure = null) =>
        Build(logs, (services, _) => services.AddElexSwarm(options =>
        {
            options.StorePath = storePath;
            options.AutoSync = false;
            configure?.Invoke(options);
        }));

    /// <summary>The host's running swarm.</summary>
    public static ElexSwarm RunningSwarm(this IHost host) => host.Services.GetRequiredService<IElexSwarmAccessor>().Swarm;
}
